import type { TDeadline, TPauseBody } from '@procura/server/deadlines/schema';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { usePauseDeadline, useResumeDeadline } from './api.ts';

const reasonOptions: { value: TPauseBody['reason']; label: string }[] = [
  { value: 'appraisal', label: '鉴定' },
  { value: 'audit', label: '审计' },
  { value: 'approval', label: '审批' },
];

type TValues = { date: Dayjs; reason?: TPauseBody['reason']; note?: string };

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
  const [form] = Form.useForm<TValues>();
  const pause = usePauseDeadline();
  const resume = useResumeDeadline();
  const mutation = mode === 'pause' ? pause : resume;
  const close = () => {
    pause.reset();
    resume.reset();
    onClose();
  };

  const onFinish = (values: TValues) => {
    if (!deadline) return;
    const date = values.date.format('YYYY-MM-DD');
    const onSuccess = () => {
      notifySuccess(mode === 'pause' ? '期限已中止' : '期限已恢复计算');
      close();
    };
    if (mode === 'pause' && values.reason) {
      pause.mutate(
        {
          id: deadline.id,
          body: { from: date, reason: values.reason, note: values.note?.trim() || undefined },
        },
        { onSuccess },
      );
    } else resume.mutate({ id: deadline.id, body: { to: date } }, { onSuccess });
  };

  return (
    <Modal
      title={mode === 'pause' ? `中止期限：${deadline?.name ?? ''}` : `恢复期限：${deadline?.name ?? ''}`}
      open={deadline !== null}
      okText={mode === 'pause' ? '中止' : '恢复'}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'deadline-pause-submit' }}
      destroyOnHidden
    >
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(mutation.error)}
          style={{ marginBottom: 16 }}
          data-testid="deadline-pause-error"
        />
      )}
      <Form
        form={form}
        name="deadline-pause"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ date: dayjs() }}
        clearOnDestroy
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
      </Form>
    </Modal>
  );
}
