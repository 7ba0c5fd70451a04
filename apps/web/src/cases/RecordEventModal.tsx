import type { TCaseEventKind } from '@procura/domain/cases/event-kinds';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useRecordEvent } from './api.ts';
import { eventKindOptions } from './options.ts';

type TValues = { kind: TCaseEventKind; at?: Dayjs | null; note?: string };

/** 记录事件: an event on the timeline (调查终结报告, 送达检察建议…), now or earlier. */
export function RecordEventModal({
  caseId,
  openedAt,
  open,
  onClose,
}: {
  caseId: number;
  openedAt: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const record = useRecordEvent(caseId);
  const close = () => {
    record.reset();
    onClose();
  };

  const onFinish = (values: TValues) =>
    record.mutate(
      {
        kind: values.kind,
        at: values.at ? values.at.format() : undefined,
        note: values.note?.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess('已记录');
          close();
        },
      },
    );

  return (
    <Modal
      title="记录事件"
      open={open}
      okText="记录"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'event-submit' }}
      destroyOnHidden
    >
      {record.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(record.error)}
          style={{ marginBottom: 16 }}
          data-testid="event-error"
        />
      )}
      <Form form={form} name="case-event" layout="vertical" onFinish={onFinish} clearOnDestroy>
        <Form.Item label="事项" name="kind" rules={[{ required: true, message: '请选择事项' }]}>
          <Select
            options={eventKindOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择事项"
            data-testid="event-kind"
          />
        </Form.Item>
        <Form.Item label="时间" name="at" extra="不填则为当前时间">
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(day) => day.isAfter(dayjs(), 'day') || day.isBefore(dayjs(openedAt), 'day')}
          />
        </Form.Item>
        <Form.Item label="说明" name="note" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
          <Input.TextArea rows={3} data-testid="event-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
