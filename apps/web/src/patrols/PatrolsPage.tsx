import { PlusOutlined } from '@ant-design/icons';
import { patrolKinds } from '@procura/domain/patrols';
import type { TCreatePatrolBody } from '@procura/server/patrols/schema';
import { Button, Card, Divider, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TFindingInput, useCreatePatrol, usePatrols } from './api.ts';
import { FindingFields } from './FindingFields.tsx';

const kindOptions = Object.entries(patrolKinds).map(([value, label]) => ({ value, label }));

type TValues = Omit<TCreatePatrolBody, 'findings'> & { findings?: TFindingInput[] };

/** 网络巡查: the department's patrols of online platforms, and a form to register one. */
export default function PatrolsPage() {
  const me = useMe();
  const list = usePatrols();
  const create = useCreatePatrol();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const canWrite = me.actions.includes('patrol.write');
  return (
    <Card
      title="网络巡查"
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="patrol-new"
          >
            登记巡查
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '巡查日期', dataIndex: 'patrolledOn' },
          { title: '类型', dataIndex: 'kind', render: (kind: keyof typeof patrolKinds) => patrolKinds[kind] },
          {
            title: '平台',
            dataIndex: 'platform',
            render: (platform: string, row) => <Link to={`/patrols/${row.id}`}>{platform}</Link>,
          },
          { title: '巡查人', dataIndex: 'patrolledBy' },
          { title: '发现', dataIndex: 'findings' },
          { title: '已生成线索', dataIndex: 'clues' },
        ]}
      />
      <FormModal<TValues, TCreatePatrolBody, { id: number }>
        title="登记网络巡查"
        open={open}
        onClose={() => setOpen(false)}
        mutation={create}
        testId="patrol-form"
        width={760}
        initialValues={{ kind: 'onlineFood', patrolledOn: chinaToday().format('YYYY-MM-DD'), findings: [] }}
        toBody={(values) => ({ ...values, findings: values.findings ?? [] })}
        done="巡查已登记"
        onDone={(patrol) => navigate(`/patrols/${patrol.id}`)}
      >
        <Form.Item name="kind" label="巡查类型" rules={[{ required: true }]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="platform" label="平台" rules={[{ required: true, message: '请填写平台名称' }]}>
          <Input maxLength={200} placeholder="如：某外卖平台" />
        </Form.Item>
        <Form.Item name="patrolledBy" label="巡查人" rules={[{ required: true, message: '请填写巡查人' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="patrolledOn"
          label="巡查日期（YYYY-MM-DD）"
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
        >
          <Input />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} data-testid={`finding-${index}`}>
                  <Divider plain>
                    发现 {index + 1}{' '}
                    <Button type="link" size="small" onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  </Divider>
                  <FindingFields prefix={[field.name]} />
                </div>
              ))}
              <Button block icon={<PlusOutlined />} onClick={() => add()} data-testid="finding-add">
                添加发现
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
