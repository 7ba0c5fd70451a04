import type { TCalendarDay, TSetDayBody } from '@procura/server/calendar/schema';
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../shared/FormModal.tsx';
import { useSetCalendarDay } from './api.ts';

type TValues = { date: Dayjs; kind: TSetDayBody['kind']; name?: string };

/** 新增或修改一日: a rest day (休) or a 调休 working day (班), with the holiday's name. */
export function CalendarDayModal({
  open,
  day,
  year,
  onClose,
}: {
  open: boolean;
  /** The day being edited; null to add one. */
  day: TCalendarDay | null;
  year: number;
  onClose: () => void;
}) {
  const save = useSetCalendarDay();
  return (
    <FormModal
      title={day ? `修改 ${day.date}` : '新增节假日安排'}
      open={open}
      onClose={onClose}
      mutation={save}
      toBody={(values: TValues) => ({
        date: values.date.format('YYYY-MM-DD'),
        body: { kind: values.kind, name: values.name?.trim() || undefined },
      })}
      done="已保存"
      testId="calendar-day"
      okText="保存"
      width={520}
      initialValues={
        day
          ? { date: dayjs(day.date), kind: day.kind, name: day.name ?? undefined }
          : { date: dayjs(`${year}-01-01`), kind: 'rest' }
      }
    >
      <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabled={day !== null} style={{ width: '100%' }} data-testid="calendar-day-date" />
      </Form.Item>
      <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group
          options={[
            { value: 'rest', label: '休（法定休假日）' },
            { value: 'work', label: '班（调休上班）' },
          ]}
          data-testid="calendar-day-kind"
        />
      </Form.Item>
      <Form.Item label="名称" name="name" rules={[{ max: 32, message: '不能超过 32 个字' }]}>
        <Input placeholder="如：国庆节" data-testid="calendar-day-name" />
      </Form.Item>
    </FormModal>
  );
}
