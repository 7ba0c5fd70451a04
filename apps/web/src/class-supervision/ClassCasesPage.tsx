import type { TCreateGroupBody, TGroup, TGroupSummary } from '@procura/server/class-supervision/schema';
import { Button, Card, Form, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { siteKindOptions, useClassCases, useCreateClassCase, useMemberChoices } from './api.ts';

const columns: TableColumnsType<TGroupSummary> = [
  {
    title: '类案名称',
    key: 'title',
    render: (_, g) => (
      <Link to={`/class-cases/${g.id}`} data-testid={`class-case-link-${g.id}`}>
        {g.title}
      </Link>
    ),
  },
  { title: '部门', key: 'department', width: 120, render: (_, g) => g.department.name },
  { title: '场所', key: 'sites', width: 80, render: (_, g) => `${g.sites} 处` },
  {
    title: '已整改',
    key: 'rectified',
    width: 90,
    render: (_, g) => `${g.rectifiedSites} / ${g.sites}`,
  },
  {
    title: '社会治理类检察建议',
    key: 'suggestion',
    width: 220,
    render: (_, g) =>
      g.suggestion ? (
        <Space size={4}>
          <Tag color="blue">{g.suggestion.stateLabel}</Tag>
          {g.suggestion.docNumber ?? ''}
        </Space>
      ) : (
        <Tag>未制发</Tag>
      ),
  },
  {
    title: '建立',
    key: 'createdAt',
    width: 170,
    render: (_, g) => `${g.createdBy} ${formatDateTime(g.createdAt)}`,
  },
];

type TMemberValues = {
  record: string;
  siteName: string;
  siteKind: TCreateGroupBody['members'][number]['siteKind'];
};
type TValues = { title: string; problem: string; members: TMemberValues[] };

function toBody(values: TValues): TCreateGroupBody {
  return {
    title: values.title,
    problem: values.problem,
    members: values.members.map((m) => {
      const [kind, id] = m.record.split(':');
      return {
        ...(kind === 'case' ? { caseId: Number(id) } : { clueId: Number(id) }),
        siteName: m.siteName,
        siteKind: m.siteKind,
      };
    }),
  };
}

function CreateGroupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const mutation = useCreateClassCase();
  const choices = useMemberChoices();
  const navigate = useNavigate();
  return (
    <FormModal<TValues, TCreateGroupBody, TGroup>
      title="建立类案"
      open={open}
      onClose={onClose}
      mutation={mutation}
      toBody={toBody}
      done="类案已建立"
      onDone={(group) => navigate(`/class-cases/${group.id}`)}
      testId="class-case-form"
      width={820}
      initialValues={{ members: [{} as TMemberValues, {} as TMemberValues] }}
    >
      <Form.Item label="类案名称" name="title" rules={[{ required: true, message: '请填写类案名称' }]}>
        <Input placeholder="如：辖区医院、商场、老旧小区消防安全隐患类案" maxLength={200} />
      </Form.Item>
      <Form.Item label="共性问题" name="problem" rules={[{ required: true, message: '请描述共性问题' }]}>
        <Input.TextArea rows={3} placeholder="如：电动自行车飞线充电、消防通道堵塞" maxLength={5000} />
      </Form.Item>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space
                key={field.key}
                align="start"
                style={{ display: 'flex' }}
                data-testid={`class-member-${index}`}
              >
                <Form.Item
                  name={[field.name, 'record']}
                  rules={[{ required: true, message: '请选择案件或线索' }]}
                  style={{ width: 340 }}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={choices.loading}
                    options={choices.options}
                    placeholder="案件或线索"
                    data-testid={`class-member-record-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'siteName']}
                  rules={[{ required: true, message: '请填写场所名称' }]}
                  style={{ width: 220 }}
                >
                  <Input placeholder="场所名称" data-testid={`class-member-site-${index}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'siteKind']}
                  rules={[{ required: true, message: '请选择场所类别' }]}
                  style={{ width: 130 }}
                >
                  <Select
                    options={siteKindOptions}
                    placeholder="场所类别"
                    data-testid={`class-member-kind-${index}`}
                  />
                </Form.Item>
                {fields.length > 2 && (
                  <Button type="link" onClick={() => remove(field.name)}>
                    删除
                  </Button>
                )}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})} data-testid="class-member-add">
              添加场所
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** 类案监督: groups of cases or clues with one problem, each with its sites and its suggestion. */
export default function ClassCasesPage() {
  const me = useMe();
  const groups = useClassCases();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="类案监督"
      extra={
        me.actions.includes('classCase.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="class-case-create">
            建立类案
          </Button>
        )
      }
    >
      <Table<TGroupSummary>
        rowKey="id"
        columns={columns}
        dataSource={groups.data?.items}
        loading={groups.isFetching}
        pagination={false}
        locale={{ emptyText: '尚无类案' }}
        data-testid="class-cases-table"
      />
      <CreateGroupModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
