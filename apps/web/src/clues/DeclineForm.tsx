import { Button, Form, Input } from 'antd';

export function DeclineForm({ pending, onSubmit }: { pending: boolean; onSubmit: (reason: string) => void }) {
  return (
    <Form
      name="clue-decline"
      layout="vertical"
      onFinish={(values: { reason: string }) => onSubmit(values.reason.trim())}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        label="不立案理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写不立案理由' },
          { min: 2, max: 2000, message: '理由为 2 至 2000 个字' },
        ]}
      >
        <Input.TextArea rows={3} data-testid="decline-reason" />
      </Form.Item>
      <Button danger htmlType="submit" loading={pending} data-testid="decline-submit">
        不立案
      </Button>
    </Form>
  );
}
