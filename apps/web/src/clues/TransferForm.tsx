import type { TPilField } from '@procura/domain/public-interest-fields';
import type { TClueDetail, TTransferInput } from '@procura/server/clues/schema';
import { Button, Form, Input, Radio, Select } from 'antd';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import { pilFieldOptions } from '../public-interest-fields/options.ts';

type TValues = {
  target: 'department' | 'outside';
  toDepartmentId?: number;
  toOutsideBody?: string;
  reason: string;
  pilField?: TPilField;
};

type TProps = { clue: TClueDetail; pending: boolean; onSubmit: (transfer: TTransferInput) => void };

/** 移送 to another department of the procuratorate or to an outside body. */
export function TransferForm({ clue, pending, onSubmit }: TProps) {
  const [form] = Form.useForm<TValues>();
  const departments = useDepartments();
  const target = Form.useWatch('target', form) ?? 'department';
  const others = departments.data?.filter((d) => d.id !== clue.department.id);
  const toDepartmentId = Form.useWatch('toDepartmentId', form);
  // A clue received by the public-interest department is counted by field from the start.
  const toPil =
    target === 'department' && others?.find((d) => d.id === toDepartmentId)?.line === 'publicInterest';

  return (
    <Form
      form={form}
      name="clue-transfer"
      layout="vertical"
      initialValues={{ target: 'department', pilField: clue.pilField ?? undefined }}
      onFinish={(values) =>
        onSubmit(
          values.target === 'department'
            ? {
                toDepartmentId: values.toDepartmentId,
                reason: values.reason.trim(),
                ...(toPil && values.pilField ? { pilField: values.pilField } : {}),
              }
            : { toOutsideBody: values.toOutsideBody?.trim(), reason: values.reason.trim() },
        )
      }
      style={{ maxWidth: 560 }}
    >
      <Form.Item name="target" label="移送至">
        <Radio.Group
          options={[
            { value: 'department', label: '本院其他部门' },
            { value: 'outside', label: '外单位' },
          ]}
          data-testid="transfer-target"
        />
      </Form.Item>
      {target === 'department' ? (
        <Form.Item
          label="接收部门"
          name="toDepartmentId"
          rules={[{ required: true, message: '请选择接收部门' }]}
        >
          <Select
            options={departmentOptions(others)}
            loading={departments.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择接收部门"
            data-testid="transfer-department"
          />
        </Form.Item>
      ) : (
        <Form.Item
          label="外单位名称"
          name="toOutsideBody"
          rules={[
            { required: true, whitespace: true, message: '请输入外单位名称' },
            { min: 2, max: 128, message: '名称为 2 至 128 个字' },
          ]}
        >
          <Input placeholder="如：成都市成华区农业农村局" data-testid="transfer-outside" />
        </Form.Item>
      )}
      {toPil && (
        <Form.Item
          label="公益诉讼领域"
          name="pilField"
          rules={[{ required: true, message: '请选择公益诉讼领域' }]}
        >
          <Select options={pilFieldOptions} placeholder="请选择领域" data-testid="transfer-pil-field" />
        </Form.Item>
      )}
      <Form.Item
        label="移送理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写移送理由' },
          { min: 2, max: 2000, message: '理由为 2 至 2000 个字' },
        ]}
      >
        <Input.TextArea rows={3} data-testid="transfer-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="transfer-submit">
        移送
      </Button>
    </Form>
  );
}
