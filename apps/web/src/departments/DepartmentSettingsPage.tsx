import { EditOutlined } from '@ant-design/icons';
import type { TDepartment } from '@procura/server/departments/schema';
import { Button, Card, Form, Input, InputNumber, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../shared/FormModal.tsx';
import { useLast } from '../shared/useLast.ts';
import { useDepartments, useUpdateDepartmentSettings } from './api.ts';

type TValues = { clueAssessmentDays?: number | null; suggestionDocCode?: string };

function columns(onEdit: (department: TDepartment) => void): TableColumnsType<TDepartment> {
  return [
    { title: '部门', dataIndex: 'name', width: 160 },
    { title: '业务条线', dataIndex: 'lineLabel', width: 160 },
    {
      title: '线索评估期限',
      key: 'clueAssessmentDays',
      render: (_, d) =>
        d.clueAssessmentDays ? (
          `收到线索后 ${d.clueAssessmentDays} 日`
        ) : (
          <Typography.Text type="secondary">未设定（不计评估期限）</Typography.Text>
        ),
    },
    {
      title: '检察建议文号代字',
      key: 'suggestionDocCode',
      render: (_, d) =>
        d.suggestionDocCode ? (
          <span data-testid={`department-code-${d.id}`}>{d.suggestionDocCode}</span>
        ) : (
          <Typography.Text type="secondary">不制发检察建议</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, d) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(d)}
          data-testid={`department-edit-${d.id}`}
        >
          修改
        </Button>
      ),
    },
  ];
}

/**
 * 部门设置 (admin): how long a department's clues may wait for their assessment (the law sets no
 * length, so the procuratorate does) and the 文号代字 of its 检察建议 (成华检{代字}〔2026〕N号).
 */
export default function DepartmentSettingsPage() {
  const departments = useDepartments();
  const [editing, setEditing] = useState<TDepartment | null>(null);
  const shown = useLast(editing);
  return (
    <Card title="部门设置">
      <Table<TDepartment>
        rowKey="id"
        size="small"
        columns={columns(setEditing)}
        dataSource={departments.data}
        loading={departments.isPending}
        pagination={false}
        data-testid="department-settings"
      />
      {shown && <SettingsModal department={shown} open={editing !== null} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function SettingsModal({
  department,
  open,
  onClose,
}: {
  department: TDepartment;
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateDepartmentSettings(department.id);
  return (
    <FormModal
      title={`部门设置：${department.name}`}
      open={open}
      onClose={onClose}
      mutation={update}
      toBody={(values: TValues) => ({
        clueAssessmentDays: values.clueAssessmentDays ?? null,
        suggestionDocCode: values.suggestionDocCode?.trim() || null,
      })}
      done="已保存部门设置"
      testId="department-settings"
      initialValues={{
        clueAssessmentDays: department.clueAssessmentDays,
        suggestionDocCode: department.suggestionDocCode ?? '',
      }}
      okText="保存"
      width={520}
    >
      <Form.Item
        label="线索评估期限（日）"
        name="clueAssessmentDays"
        extra="自收到线索之日起算，按法定节假日顺延；清空则本部门线索不计评估期限"
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="department-days" />
      </Form.Item>
      <Form.Item
        label="检察建议文号代字"
        name="suggestionDocCode"
        rules={[
          { max: 10, message: '不超过 10 个字' },
          { pattern: /^[\p{Script=Han}（）()]*$/u, message: '只能由汉字和括号组成，如 公益建、民（行）建' },
        ]}
        extra="文号格式：院简称 + 代字 +〔年份〕+ 序号，如 成华检行公建〔2026〕1号；改后新签发的检察建议另起序号"
      >
        <Input style={{ width: 200 }} data-testid="department-code" />
      </Form.Item>
    </FormModal>
  );
}
