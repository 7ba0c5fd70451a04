import type { TSuggestion } from '@procura/server/suggestions/schema';
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaDay, chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useSuggestionStep } from './api.ts';
import { followUpOptions, rectificationOptions } from './options.ts';

type TProps = { suggestion: TSuggestion; open: boolean; onClose: () => void };

const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const afterToday = (value: Dayjs) => value.isAfter(chinaToday(), 'day');

/**
 * A date before the 签发 can only be a 补录 (a paper suggestion entered afterwards): the reason is
 * then asked for, and the timeline shows it.
 */
function LateEntryReason({ suggestion, dateField }: { suggestion: TSuggestion; dateField: string }) {
  const form = Form.useFormInstance();
  const picked: Dayjs | undefined = Form.useWatch(dateField, form);
  const issuedOn = suggestion.issuedAt ? chinaDay(suggestion.issuedAt) : null;
  if (!picked || !issuedOn || day(picked) >= issuedOn) return null;
  return (
    <Form.Item
      label="补录理由"
      name="lateEntryReason"
      rules={[
        { required: true, whitespace: true, message: `该日期早于签发日期 ${issuedOn}，请填写补录理由` },
        { max: 500, message: '不能超过 500 个字' },
      ]}
      extra={`该日期早于签发日期 ${issuedOn}，只能作为补录记载，理由显示在案件时间线上`}
    >
      <Input.TextArea rows={2} data-testid={`${dateField}-late-reason`} />
    </Form.Item>
  );
}

const lateEntry = (reason: string | undefined) => (reason?.trim() ? { lateEntryReason: reason.trim() } : {});

/** 记录送达: the day of receipt starts the reply period. */
export function DeliveryModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  return (
    <FormModal
      title={`记录送达：${suggestion.docNumber ?? ''}`}
      open={open}
      onClose={onClose}
      mutation={step}
      toBody={(values: { deliveredOn: Dayjs; lateEntryReason?: string }) => ({
        step: 'delivery' as const,
        body: { deliveredOn: day(values.deliveredOn), ...lateEntry(values.lateEntryReason) },
      })}
      done="已记录送达，回复期限开始计算"
      testId="delivery"
      okText="记录"
      width={520}
    >
      <Form.Item
        label="送达日期"
        name="deliveredOn"
        rules={[{ required: true, message: '请选择送达日期' }]}
        extra="被建议单位收到检察建议书之日，回复期限自此起算"
      >
        <DatePicker disabledDate={afterToday} data-testid="delivery-date" />
      </Form.Item>
      <LateEntryReason suggestion={suggestion} dateField="deliveredOn" />
    </FormModal>
  );
}

/** 退回修改: the approver sends the draft back to its handler with the reason. */
export function ReturnModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  return (
    <FormModal
      title={`退回修改：致${suggestion.addressee}的${suggestion.kindLabel}`}
      open={open}
      onClose={onClose}
      mutation={step}
      toBody={(values: { reason: string }) => ({
        step: 'return' as const,
        body: { reason: values.reason.trim() },
      })}
      done="已退回，承办人会收到通知"
      testId="return"
      okText="记录"
      width={520}
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
    </FormModal>
  );
}

/** 记录回复: the addressee's written reply ends the reply deadline. */
export function ReplyModal({ suggestion, open, onClose }: TProps) {
  const step = useSuggestionStep(suggestion);
  const delivered = suggestion.deliveredOn ? dayjs(suggestion.deliveredOn) : null;
  return (
    <FormModal
      title={`记录回复：${suggestion.docNumber ?? ''}`}
      open={open}
      onClose={onClose}
      mutation={step}
      toBody={(values: { repliedOn: Dayjs; content: string; lateEntryReason?: string }) => ({
        step: 'reply' as const,
        body: {
          repliedOn: day(values.repliedOn),
          content: values.content.trim(),
          ...lateEntry(values.lateEntryReason),
        },
      })}
      done="已记录书面回复"
      testId="reply"
      okText="记录"
      width={520}
    >
      <Form.Item label="回复日期" name="repliedOn" rules={[{ required: true, message: '请选择回复日期' }]}>
        <DatePicker
          disabledDate={(value) =>
            afterToday(value) || Boolean(delivered && value.isBefore(delivered, 'day'))
          }
          data-testid="reply-date"
        />
      </Form.Item>
      <LateEntryReason suggestion={suggestion} dateField="repliedOn" />
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
    </FormModal>
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
    <FormModal
      title={`整改情况：${suggestion.docNumber ?? ''}`}
      open={open}
      onClose={onClose}
      mutation={step}
      toBody={(values: TRectificationValues) => ({
        step: 'rectification' as const,
        body: {
          result: values.result,
          followUp: values.followUp,
          note: values.note?.trim() || undefined,
        },
      })}
      done="已记录整改情况，检察建议办结"
      testId="rectification"
      okText="记录"
      width={520}
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
    </FormModal>
  );
}
