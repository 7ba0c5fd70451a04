import type { TCaseEventKind } from '@procura/domain/cases/event-kinds';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaInstant, chinaPickerValue, chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
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
  const record = useRecordEvent(caseId);
  return (
    <FormModal
      title="记录事件"
      open={open}
      onClose={onClose}
      mutation={record}
      toBody={(values: TValues) => ({
        kind: values.kind,
        at: values.at ? chinaInstant(values.at) : undefined,
        note: values.note?.trim() || undefined,
      })}
      done="已记录"
      testId="event"
      okText="记录"
      width={520}
    >
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
          disabledDate={(day) =>
            day.isAfter(chinaToday(), 'day') || day.isBefore(chinaPickerValue(openedAt), 'day')
          }
        />
      </Form.Item>
      <Form.Item label="说明" name="note" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
        <Input.TextArea rows={3} data-testid="event-note" />
      </Form.Item>
    </FormModal>
  );
}
