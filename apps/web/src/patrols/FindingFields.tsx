import { patrolFindingKinds } from '@procura/domain/patrols';
import { Form, Input, Select } from 'antd';

export const findingKindOptions = Object.entries(patrolFindingKinds).map(([value, label]) => ({
  value,
  label,
}));

/** 店铺、链接、问题类型、说明 of one finding; `prefix` places them inside a Form.List row. */
export function FindingFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  return (
    <>
      <Form.Item
        name={[...prefix, 'shopName']}
        label="店铺名称"
        rules={[{ required: true, message: '请填写店铺名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={[...prefix, 'link']} label="店铺链接">
        <Input maxLength={2000} placeholder="https://…" />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'kind']}
        label="问题类型"
        rules={[{ required: true, message: '请选择问题类型' }]}
      >
        <Select options={findingKindOptions} />
      </Form.Item>
      <Form.Item name={[...prefix, 'note']} label="说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
