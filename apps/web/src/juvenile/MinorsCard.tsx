import { PlusOutlined } from '@ant-design/icons';
import type { TAddMinorBody, TJuvenileCaseDetail } from '@procura/server/juvenile/schema';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../shared/FormModal.tsx';
import { useJuvenileMutation } from './api.ts';

type TMinor = TJuvenileCaseDetail['minors'][number];
type TValues = Omit<TAddMinorBody, 'birthDate'> & { birthDate?: Dayjs };

export function MinorsCard({ detail, canWrite }: { detail: TJuvenileCaseDetail; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const add = useJuvenileMutation<TAddMinorBody>(`/api/juvenile/cases/${detail.id}/minors`);
  const role = detail.type === 'juvenileVictim' ? 'victim' : 'suspect';
  const columns = [
    { title: '身份', dataIndex: 'roleLabel', width: 100 },
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string) => <span data-testid="minor-name">{name}</span>,
    },
    { title: '性别', dataIndex: 'gender', width: 70, render: (g: string) => (g === 'female' ? '女' : '男') },
    { title: '身份证号', dataIndex: 'idNumber', render: (v: string | null) => v ?? '（已隐去）' },
    {
      title: '监护人',
      key: 'guardian',
      render: (_: unknown, m: TMinor) =>
        m.guardianName ? `${m.guardianName}${m.guardianRelation ? `（${m.guardianRelation}）` : ''}` : '—',
    },
    {
      title: '询问次数',
      dataIndex: 'inquiries',
      width: 100,
      render: (n: number, m: TMinor) =>
        m.role === 'victim' ? (
          <Tag color={n > 1 ? 'orange' : n === 1 ? 'green' : 'default'} data-testid="inquiry-count">
            {n} 次
          </Tag>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card
      title="涉案未成年人"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="minor-add">
            登记未成年人
          </Button>
        )
      }
    >
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={detail.minors} />
      <FormModal<TValues, TAddMinorBody>
        title={role === 'victim' ? '登记未成年被害人' : '登记未成年犯罪嫌疑人'}
        open={open}
        onClose={() => setOpen(false)}
        mutation={add}
        toBody={(v) => ({ ...v, role, birthDate: v.birthDate?.format('YYYY-MM-DD') })}
        done="已登记"
        testId="minor-form"
        initialValues={{ gender: 'female' }}
      >
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input data-testid="minor-form-name" />
        </Form.Item>
        <Form.Item label="性别" name="gender" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'female', label: '女' },
              { value: 'male', label: '男' },
            ]}
          />
        </Form.Item>
        <Form.Item label="出生日期" name="birthDate">
          <DatePicker />
        </Form.Item>
        <Form.Item label="公民身份号码" name="idNumber">
          <Input />
        </Form.Item>
        <Form.Item label="监护人姓名" name="guardianName">
          <Input />
        </Form.Item>
        <Form.Item label="与未成年人关系" name="guardianRelation">
          <Input placeholder="父亲、母亲、祖父母……" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
