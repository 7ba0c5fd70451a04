import type { TCaseDetail } from '@procura/server/cases/schema';
import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useTransitionCase } from './api.ts';

type TValues = { to: string; note?: string };

/**
 * 推进阶段: only the ways out the stage machine allows from the current stage; a refusal (a
 * record still missing) is shown inside the dialog as the server words it.
 */
export function AdvanceStageModal({
  detail,
  open,
  onClose,
}: {
  detail: TCaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const transition = useTransitionCase(detail.id);
  const close = () => {
    transition.reset();
    onClose();
  };

  const onFinish = (values: TValues) =>
    transition.mutate(
      { to: values.to, note: values.note?.trim() || undefined },
      {
        onSuccess: (next) => {
          notifySuccess(`案件已转入「${next.stageLabel}」`);
          close();
        },
      },
    );

  return (
    <Modal
      title={`推进阶段：当前「${detail.stageLabel}」`}
      open={open}
      okText="确定"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={transition.isPending}
      okButtonProps={{ 'data-testid': 'advance-submit' }}
      destroyOnHidden
    >
      {transition.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(transition.error)}
          style={{ marginBottom: 16 }}
          data-testid="advance-error"
        />
      )}
      <Form form={form} name="case-advance" layout="vertical" onFinish={onFinish} clearOnDestroy>
        <Form.Item label="转入阶段" name="to" rules={[{ required: true, message: '请选择要转入的阶段' }]}>
          <Radio.Group data-testid="advance-options">
            <Space orientation="vertical">
              {detail.nextStages.map((option) => (
                <Radio key={option.to} value={option.to} data-testid={`advance-to-${option.to}`}>
                  {option.label}
                  {option.missing.length > 0 && (
                    <Typography.Text type="warning">
                      （尚缺：{option.missing.map((m) => m.label).join('、')}）
                    </Typography.Text>
                  )}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="说明" name="note" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
