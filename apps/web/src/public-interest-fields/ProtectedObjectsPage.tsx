import { PlusOutlined } from '@ant-design/icons';
import type { TProtectedObject } from '@procura/server/public-interest-fields/schema';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useCreateProtectedObject, useProtectedObjects } from './api.ts';
import { protectedObjectKindOptions } from './options.ts';

type TValues = { name: string; kind: string; protectionLevel?: string };

/** 保护对象: the sites and objects public-interest cases protect, each with its cases. */
export default function ProtectedObjectsPage() {
  const me = useMe();
  const objects = useProtectedObjects();
  const create = useCreateProtectedObject();
  const [adding, setAdding] = useState(false);

  return (
    <Card
      title="保护对象"
      extra={
        me.actions.includes('case.update') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="protected-object-add">
            登记保护对象
          </Button>
        )
      }
    >
      <Table<TProtectedObject>
        rowKey="id"
        loading={objects.isLoading}
        dataSource={objects.data?.items}
        pagination={false}
        locale={{ emptyText: '尚未登记保护对象' }}
        columns={[
          {
            title: '名称',
            key: 'name',
            render: (_, o) => (
              <Link to={`/protected-objects/${o.id}`} data-testid={`protected-object-${o.id}`}>
                {o.name}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'kindLabel', width: 160 },
          { title: '保护级别', key: 'level', width: 220, render: (_, o) => o.protectionLevel ?? '—' },
          { title: '相关案件', dataIndex: 'caseCount', width: 110 },
        ]}
      />
      {adding && (
        <FormModal
          title="登记保护对象"
          open
          onClose={() => setAdding(false)}
          mutation={create}
          toBody={(v: TValues) => ({
            name: v.name.trim(),
            kind: v.kind,
            ...(v.protectionLevel?.trim() ? { protectionLevel: v.protectionLevel.trim() } : {}),
          })}
          done="已登记"
          testId="protected-object"
          width={520}
        >
          <Form.Item
            label="名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input placeholder="如：孟知祥墓、大熊猫繁育研究基地" />
          </Form.Item>
          <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={protectedObjectKindOptions} />
          </Form.Item>
          <Form.Item label="保护级别" name="protectionLevel">
            <Input placeholder="如：全国重点文物保护单位" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
