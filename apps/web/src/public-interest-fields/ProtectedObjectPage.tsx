import type { TCase } from '@procura/server/cases/schema';
import type { TProtectedObjectDetail } from '@procura/server/public-interest-fields/schema';
import { Button, Card, Descriptions, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { formatDate } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useProtectedObject, useUpdateProtectedObject } from './api.ts';
import { protectedObjectKindOptions } from './options.ts';

type TValues = { name: string; kind: string; protectionLevel?: string };

function EditModal({ object, onClose }: { object: TProtectedObjectDetail; onClose: () => void }) {
  const [form] = Form.useForm<TValues>();
  return (
    <FormModal
      title="修改保护对象"
      open
      form={form}
      onClose={onClose}
      mutation={useUpdateProtectedObject(object.id)}
      toBody={(v: TValues) => ({
        name: v.name.trim(),
        kind: v.kind,
        protectionLevel: v.protectionLevel?.trim() ? v.protectionLevel.trim() : null,
      })}
      done="已修改"
      testId="protected-object-edit"
      width={520}
    >
      <Form.Item
        label="名称"
        name="name"
        initialValue={object.name}
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input data-testid="protected-object-edit-name" />
      </Form.Item>
      <Form.Item label="类别" name="kind" initialValue={object.kind} rules={[{ required: true }]}>
        <Select options={protectedObjectKindOptions} data-testid="protected-object-edit-kind" />
      </Form.Item>
      <Form.Item label="保护级别" name="protectionLevel" initialValue={object.protectionLevel ?? undefined}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** One protected object and all the work about it that the user may see: cases and their clues. */
export default function ProtectedObjectPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const object = useProtectedObject(id);
  const data = object.data;
  const [editing, setEditing] = useState(false);

  return (
    <Card
      title={<span data-testid="protected-object-title">{data ? `保护对象：${data.name}` : '保护对象'}</span>}
      loading={object.isLoading}
      extra={
        data &&
        me.actions.includes('case.update') && (
          <Button onClick={() => setEditing(true)} data-testid="protected-object-edit-open">
            修改
          </Button>
        )
      }
    >
      {data && (
        <Flex vertical gap={16}>
          <Descriptions
            column={3}
            items={[
              {
                key: 'kind',
                label: '类别',
                children: <span data-testid="protected-object-kind">{data.kindLabel}</span>,
              },
              { key: 'level', label: '保护级别', children: data.protectionLevel ?? '—' },
              { key: 'count', label: '相关案件', children: data.caseCount },
            ]}
          />
          <Table<TCase>
            rowKey="id"
            dataSource={data.cases}
            pagination={false}
            locale={{ emptyText: '无可查看的相关案件' }}
            data-testid="protected-object-cases"
            columns={[
              {
                title: '案号',
                key: 'caseNumber',
                width: 230,
                render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>,
              },
              { title: '案件名称', dataIndex: 'title' },
              { title: '公益诉讼领域', key: 'field', width: 160, render: (_, c) => c.pilFieldLabel ?? '—' },
              {
                title: '阶段',
                key: 'stage',
                width: 110,
                render: (_, c) => <Tag color={c.closedAt ? 'default' : 'blue'}>{c.stageLabel}</Tag>,
              },
              { title: '部门', key: 'department', width: 120, render: (_, c) => c.department.name },
              { title: '立案日期', key: 'openedAt', width: 110, render: (_, c) => formatDate(c.openedAt) },
            ]}
          />
          <Table<TProtectedObjectDetail['clues'][number]>
            rowKey="id"
            title={() => '相关线索（上述案件由之立案的线索）'}
            dataSource={data.clues}
            pagination={false}
            locale={{ emptyText: '无可查看的相关线索' }}
            data-testid="protected-object-clues"
            columns={[
              {
                title: '线索',
                key: 'title',
                render: (_, c) => <Link to={`/clues/${c.id}`}>{c.title}</Link>,
              },
              {
                title: '收到日期',
                key: 'receivedAt',
                width: 120,
                render: (_, c) => formatDate(c.receivedAt),
              },
            ]}
          />
        </Flex>
      )}
      {editing && data && <EditModal object={data} onClose={() => setEditing(false)} />}
    </Card>
  );
}
