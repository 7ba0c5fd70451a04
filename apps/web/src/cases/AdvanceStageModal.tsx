import type { TCaseDetail } from '@procura/server/cases/schema';
import { Form, Input, Radio, Space, Typography } from 'antd';
import { FormModal } from '../shared/FormModal.tsx';
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
  const transition = useTransitionCase(detail.id);
  return (
    <FormModal
      title={`推进阶段：当前「${detail.stageLabel}」`}
      open={open}
      onClose={onClose}
      mutation={transition}
      toBody={(values: TValues) => ({ to: values.to, note: values.note?.trim() || undefined })}
      done={(next) => `案件已转入「${next.stageLabel}」`}
      testId="advance"
      okText="确定"
      width={520}
    >
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
    </FormModal>
  );
}
