import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useSuggestionStep } from './api.ts';
import { followUpOptions, rectificationOptions } from './options.ts';

type TProps = { suggestion: TSuggestion; open: boolean; onClose: () => void };
type TStepMutation = ReturnType<typeof useSuggestionStep>;

const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const afterToday = (value: Dayjs) => value.isAfter(dayjs(), 'day');

/** The frame of a step dialog: its refusal shown inside, as the server words it. */
function StepModal<T extends object>(props: {
  title: string;
  name: string;
  step: TStepMutation;
  open: boolean;
  onClose: () => void;
  onFinish: (values: T) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  const close = () => {
    props.step.reset();
    props.onClose();
  };
  return (
    <Modal
      title={props.title}
      open={props.open}
      okText="记录"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={props.step.isPending}
      okButtonProps={{ 'data-testid': `${props.name}-submit` }}
      destroyOnHidden
    >
      {props.step.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(props.step.error)}
          style={{ marginBottom: 16 }}
          data-testid={`${props.name}-error`}
        />
      )}
      <Form form={form} name={props.name} layout="vertical" clearOnDestroy onFinish={props.onFinish}>
        {props.children}
      </Form>
    </Modal>
  );
}

/** 记录送达: the day of receipt starts the reply period. */
export function DeliveryModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  return (
    <StepModal<{ deliveredOn: Dayjs }>
      title={`记录送达：${suggestion.docNumber ?? ''}`}
      name="delivery"
      step={step}
      open={open}
      onClose={onClose}
      onFinish={(values) =>
        step.mutate(
          { step: 'delivery', body: { deliveredOn: day(values.deliveredOn) } },
          {
            onSuccess: () => {
              notifySuccess('已记录送达，回复期限开始计算');
              onClose();
            },
          },
        )
      }
    >
      <Form.Item
        label="送达日期"
        name="deliveredOn"
        rules={[{ required: true, message: '请选择送达日期' }]}
        extra="被建议单位收到检察建议书之日，回复期限自此起算"
      >
        <DatePicker disabledDate={afterToday} data-testid="delivery-date" />
      </Form.Item>
    </StepModal>
  );
}

/** 退回修改: the approver sends the draft back to its handler with the reason. */
export function ReturnModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  return (
    <StepModal<{ reason: string }>
      title={`退回修改：致${suggestion.addressee}的${suggestion.kindLabel}`}
      name="return"
      step={step}
      open={open}
      onClose={onClose}
      onFinish={(values) =>
        step.mutate(
          { step: 'return', body: { reason: values.reason.trim() } },
          {
            onSuccess: () => {
              notifySuccess('已退回，承办人会收到通知');
              onClose();
            },
          },
        )
      }
    >
      <Form.Item
        label="退回理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写退回理由' },
          { max: 2000, message: '不能超过 2000 个字' },
        ]}
        extra="承办人修改后可重新提交审批；退回记录保留在审批记录中"
      >
        <Input.TextArea rows={3} data-testid="return-reason" />
      </Form.Item>
    </StepModal>
  );
}

/** 记录回复: the addressee's written reply ends the reply deadline. */
export function ReplyModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  const delivered = suggestion.deliveredOn ? dayjs(suggestion.deliveredOn) : null;
  return (
    <StepModal<{ repliedOn: Dayjs; content: string }>
      title={`记录回复：${suggestion.docNumber ?? ''}`}
      name="reply"
      step={step}
      open={open}
      onClose={onClose}
      onFinish={(values) =>
        step.mutate(
          { step: 'reply', body: { repliedOn: day(values.repliedOn), content: values.content.trim() } },
          {
            onSuccess: () => {
              notifySuccess('已记录书面回复');
              onClose();
            },
          },
        )
      }
    >
      <Form.Item label="回复日期" name="repliedOn" rules={[{ required: true, message: '请选择回复日期' }]}>
        <DatePicker
          disabledDate={(value) =>
            afterToday(value) || Boolean(delivered && value.isBefore(delivered, 'day'))
          }
          data-testid="reply-date"
        />
      </Form.Item>
      <Form.Item
        label="回复内容"
        name="content"
        rules={[
          { required: true, whitespace: true, message: '请填写回复内容' },
          { max: 20000, message: '不能超过 20000 个字' },
        ]}
      >
        <Input.TextArea rows={4} data-testid="reply-content" />
      </Form.Item>
    </StepModal>
  );
}

type TRectificationValues = {
  result: NonNullable<TSuggestion['rectification']>;
  followUp: NonNullable<TSuggestion['followUp']>;
  note?: string;
};

/** 整改情况: the check of the rectification and what follows; it closes the suggestion. */
export function RectificationModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  return (
    <StepModal<TRectificationValues>
      title={`整改情况：${suggestion.docNumber ?? ''}`}
      name="rectification"
      step={step}
      open={open}
      onClose={onClose}
      onFinish={(values) =>
        step.mutate(
          {
            step: 'rectification',
            body: {
              result: values.result,
              followUp: values.followUp,
              note: values.note?.trim() || undefined,
            },
          },
          {
            onSuccess: () => {
              notifySuccess('已记录整改情况，检察建议办结');
              onClose();
            },
          },
        )
      }
    >
      <Form.Item label="整改情况" name="result" rules={[{ required: true, message: '请选择整改情况' }]}>
        <Radio.Group data-testid="rectification-result">
          {rectificationOptions.map((option) => (
            <Radio key={option.value} value={option.value} data-testid={`rectification-${option.value}`}>
              {option.label}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label="后续措施" name="followUp" rules={[{ required: true, message: '请选择后续措施' }]}>
        <Radio.Group data-testid="rectification-follow-up">
          {followUpOptions.map((option) => (
            <Radio key={option.value} value={option.value} data-testid={`follow-up-${option.value}`}>
              {option.label}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label="说明" name="note" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
        <Input.TextArea rows={2} data-testid="rectification-note" />
      </Form.Item>
    </StepModal>
  );
}
