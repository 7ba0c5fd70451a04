import { PlusOutlined } from '@ant-design/icons';
import { caseRecordKinds, recordKindsFor, type TCaseRecordKind } from '@procura/domain/juvenile/case-records';
import type { TAddRecordBody, TJuvenileCaseDetail } from '@procura/server/juvenile/schema';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { yuanToFen } from '../shared/money.ts';
import { type TUpdateRecordBody, useJuvenileMutation } from './api.ts';
import { describeRecord, recordFields, type TFieldSpec } from './record-fields.ts';

type TRecord = TJuvenileCaseDetail['records'][number];
type TValues = Record<string, unknown> & { kind: TCaseRecordKind; minorId?: number };

function FieldInput({ spec }: { spec: TFieldSpec }) {
  if (spec.type === 'textarea') return <Input.TextArea rows={3} />;
  if (spec.type === 'date') return <DatePicker />;
  if (spec.type === 'number') return <InputNumber precision={0} min={0} style={{ width: 160 }} />;
  if (spec.type === 'yuan') return <Input suffix="元" inputMode="decimal" style={{ width: 200 }} />;
  if (spec.type === 'select') return <Select options={spec.options} style={{ width: 200 }} />;
  return <Input />;
}

function toData(kind: TCaseRecordKind, values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const spec of recordFields[kind]) {
    const value = values[spec.name];
    if (value === undefined || value === null || value === '') continue;
    if (spec.type === 'date') data[spec.name] = (value as Dayjs).format('YYYY-MM-DD');
    else if (spec.type === 'yuan') data[spec.name] = yuanToFen(String(value)) ?? -1;
    else data[spec.name] = value;
  }
  return data;
}

function fromData(kind: TCaseRecordKind, data: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of recordFields[kind]) {
    const value = data[spec.name];
    if (value === undefined) continue;
    if (spec.type === 'date') values[spec.name] = dayjs(String(value));
    else if (spec.type === 'yuan') values[spec.name] = (Number(value) / 100).toFixed(2);
    else values[spec.name] = value;
  }
  return values;
}

/** 提前介入, 社会调查, 讯问, 附条件不起诉, 从业禁止, 强制报告: one form per kind, with its legal basis (司法救助: JudicialAidSection). */
export function RecordsCard({ detail, canWrite }: { detail: TJuvenileCaseDetail; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<TRecord | null>(null);
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form);
  const add = useJuvenileMutation<TAddRecordBody>(`/api/juvenile/cases/${detail.id}/records`);
  const update = useJuvenileMutation<TUpdateRecordBody>(`/api/juvenile/records/${editing?.id ?? 0}`, 'PATCH');
  const kinds = recordKindsFor[detail.type].map((k) => ({ value: k, label: caseRecordKinds[k].label }));
  const columns = [
    { title: '事项', dataIndex: 'label', width: 150 },
    {
      title: '内容',
      key: 'data',
      render: (_: unknown, r: TRecord) => describeRecord(r.kind, r.data),
    },
    { title: '依据', dataIndex: 'basis', width: 220 },
    { title: '记录人', dataIndex: 'recordedBy', width: 120 },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: '',
      key: 'edit',
      width: 70,
      render: (_: unknown, r: TRecord) =>
        canWrite && (
          <Button size="small" type="link" onClick={() => setEditing(r)}>
            修改
          </Button>
        ),
    },
  ];
  const fields = (k: TCaseRecordKind | undefined) =>
    k
      ? recordFields[k].map((spec) => (
          <Form.Item
            key={spec.name}
            label={spec.label}
            name={spec.name}
            extra={spec.extra}
            rules={spec.required ? [{ required: true, message: `请填写${spec.label}` }] : []}
          >
            <FieldInput spec={spec} />
          </Form.Item>
        ))
      : null;
  return (
    <Card
      title="办案记录（提前介入、社会调查、合适成年人到场、附条件不起诉、从业禁止、强制报告）"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="record-add">
            记录
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={detail.records}
        locale={{ emptyText: '尚无记录' }}
      />
      <FormModal<TValues, TAddRecordBody>
        title="记录未检办案事项"
        open={open}
        onClose={() => setOpen(false)}
        mutation={add}
        form={form}
        toBody={(v) => ({ kind: v.kind, minorId: v.minorId, data: toData(v.kind, v) })}
        done="已记录"
        testId="record-form"
        initialValues={{ kind: kinds[0]?.value }}
      >
        <Form.Item
          label="事项"
          name="kind"
          rules={[{ required: true }]}
          extra={kind ? `依据：${caseRecordKinds[kind].basis}` : undefined}
        >
          <Select options={kinds} data-testid="record-form-kind" />
        </Form.Item>
        <Form.Item label="涉及的未成年人" name="minorId">
          <Select
            allowClear
            options={detail.minors.map((m) => ({ value: m.id, label: `${m.name}（${m.roleLabel}）` }))}
          />
        </Form.Item>
        {fields(kind)}
      </FormModal>
      {editing && (
        <FormModal<Record<string, unknown>, TUpdateRecordBody>
          title={`修改${editing.label}`}
          open
          onClose={() => setEditing(null)}
          mutation={update}
          toBody={(v) => ({ data: toData(editing.kind, v) })}
          done="已修改"
          testId="record-edit"
          initialValues={fromData(editing.kind, editing.data)}
        >
          {fields(editing.kind)}
        </FormModal>
      )}
    </Card>
  );
}
