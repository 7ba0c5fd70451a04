import type { TDeadline, TPauseBody } from '@procura/server/deadlines/schema';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TDeadlineChange, useChangeDeadline } from './api.ts';

const reasonOptions: { value: TPauseBody['reason']; label: string }[] = [
  { value: 'appraisal', label: '鉴定' },
  { value: 'audit', label: '审计' },
  { value: 'approval', label: '审批' },
];

type TValues = { date: Dayjs; reason?: TPauseBody['reason']; note?: string };

function toChange(id: number, mode: 'pause' | 'resume', values: TValues): TDeadlineChange {
  const date = values.date.format('YYYY-MM-DD');
  return mode === 'pause' && values.reason
    ? {
        id,
        action: 'pause',
        body: { from: date, reason: values.reason, note: values.note?.trim() || undefined },
      }
    : { id, action: 'resume', body: { to: date } };
}

/**
 * 中止 (first paused day and a required reason) or 恢复 (last paused day) a deadline; the
 * server recomputes the due date. Errors are shown in the dialog.
 */
export function PauseDeadlineModal({
  deadline,
  mode,
  onClose,
}: {
  deadline: TDeadline | null;
  mode: 'pause' | 'resume';
  onClose: () => void;
}) {
  const change = useChangeDeadline();
  // The form can be sent only while open, that is while a deadline is chosen.
  const id = deadline?.id ?? 0;
  return (
    <FormModal
      title={mode === 'pause' ? `中止期限：${deadline?.name ?? ''}` : `恢复期限：${deadline?.name ?? ''}`}
      open={deadline !== null}
      onClose={onClose}
      mutation={change}
      toBody={(values: TValues) => toChange(id, mode, values)}
      done={mode === 'pause' ? '期限已中止' : '期限已恢复计算'}
      testId="deadline-pause"
      initialValues={{ date: chinaToday() }}
      okText={mode === 'pause' ? '中止' : '恢复'}
      width={520}
    >
      <Form.Item
        label={mode === 'pause' ? '中止起始日（首个不计算的日期）' : '中止截止日（次日恢复计算）'}
        name="date"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="deadline-pause-date" />
      </Form.Item>
      {mode === 'pause' && (
        <>
          <Form.Item label="中止事由" name="reason" rules={[{ required: true, message: '请选择中止事由' }]}>
            <Select
              options={reasonOptions}
              placeholder="鉴定、审计或审批"
              data-testid="deadline-pause-reason"
            />
          </Form.Item>
          <Form.Item label="说明" name="note" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
            <Input.TextArea rows={2} data-testid="deadline-pause-note" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
