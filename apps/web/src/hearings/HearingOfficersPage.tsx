import { PlusOutlined } from '@ant-design/icons';
import type { TOfficer, TPublishedHearing } from '@procura/server/hearings/schema';
import { Alert, Button, Card, Flex, Form, Input, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { useMe } from '../auth/hooks.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { parseRelations, useOfficers, usePublishedHearings, useSaveOfficer } from './api.ts';

type TOfficerValues = {
  name: string;
  occupation: string;
  organisation?: string;
  phone?: string;
  relations?: string;
  active?: boolean;
};

function OfficerModal({ officer, onClose }: { officer: TOfficer | null; onClose: () => void }) {
  return (
    <FormModal
      title={officer ? `修改听证员：${officer.name}` : '登记听证员'}
      open
      onClose={onClose}
      mutation={useSaveOfficer(officer?.id)}
      toBody={(v: TOfficerValues) => ({
        name: v.name,
        occupation: v.occupation,
        organisation: v.organisation?.trim() ?? '',
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        relations: parseRelations(v.relations),
        ...(officer ? { active: v.active ?? true } : {}),
      })}
      initialValues={
        officer
          ? {
              name: officer.name,
              occupation: officer.occupation,
              organisation: officer.organisation ?? '',
              phone: officer.phone ?? '',
              relations: officer.relations.map((r) => `${r.relation}：${r.name}`).join('\n'),
              active: officer.active,
            }
          : {}
      }
      done="已保存"
      testId="officer"
      width={560}
    >
      <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input maxLength={50} data-testid="officer-name" />
      </Form.Item>
      <Form.Item label="职业" name="occupation" rules={[{ required: true, message: '请填写职业' }]}>
        <Input
          maxLength={100}
          placeholder="人大代表、政协委员、人民监督员、律师……"
          data-testid="officer-occupation"
        />
      </Form.Item>
      <Form.Item label="工作单位" name="organisation">
        <Input maxLength={200} data-testid="officer-organisation" />
      </Form.Item>
      <Form.Item label="联系电话" name="phone">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        label="申报的关系"
        name="relations"
        extra="每行一项：关系：姓名或单位，如“配偶：王某某”“曾任职：某公司”。与当事人相同的，不能担任该案听证员。"
      >
        <Input.TextArea rows={3} data-testid="officer-relations" />
      </Form.Item>
      {officer && (
        <Form.Item label="在库" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}

function PublishedHearings() {
  const published = usePublishedHearings(true);
  return (
    <Card title="已公开的听证（当事人姓名隐去）" loading={published.isPending}>
      <Table<TPublishedHearing>
        rowKey="id"
        size="small"
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '案号', dataIndex: 'caseNumber', width: 220 },
          { title: '听证事项', dataIndex: 'question' },
          {
            title: '听证员',
            key: 'officers',
            width: 220,
            render: (_: unknown, h: TPublishedHearing) => h.officers.map((o) => o.name).join('、'),
          },
          { title: '意见采纳情况', dataIndex: 'decisionUse', render: (v: string | null) => v ?? '—' },
        ]}
        dataSource={published.data ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '暂无公开的听证' }}
        data-testid="published-hearings"
      />
    </Card>
  );
}

/** 听证员库: the pool hearings draw from (kept by heads and the admin), and the published hearings. */
export default function HearingOfficersPage() {
  const me = useMe();
  const mayManage = me.actions.includes('hearingOfficer.manage');
  const officers = useOfficers();
  const [editing, setEditing] = useState<TOfficer | 'new' | null>(null);
  return (
    <Flex vertical gap={16}>
      <Card
        title="听证员库"
        loading={officers.isPending}
        extra={
          mayManage && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-officer">
              登记听证员
            </Button>
          )
        }
      >
        {officers.isError && <Alert type="error" showIcon title={errorText(officers.error)} />}
        <Table<TOfficer>
          rowKey="id"
          size="small"
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '职业', dataIndex: 'occupation', width: 160 },
            { title: '工作单位', dataIndex: 'organisation', render: (v: string | null) => v ?? '—' },
            { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
            {
              title: '申报的关系',
              dataIndex: 'relations',
              render: (r: TOfficer['relations']) =>
                r.map((x) => `${x.relation}：${x.name}`).join('；') || '—',
            },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (active: boolean) => (active ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>),
            },
            ...(mayManage
              ? [
                  {
                    title: '操作',
                    key: 'edit',
                    width: 80,
                    render: (_: unknown, o: TOfficer) => (
                      <Button size="small" type="link" onClick={() => setEditing(o)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
          dataSource={officers.data ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: '听证员库为空' }}
          data-testid="officers-table"
        />
      </Card>
      {me.actions.includes('hearing.readPublished') && <PublishedHearings />}
      {editing && (
        <OfficerModal officer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
