import type { TOutreachEvent, TOutreachKind } from '@procura/server/outreach/schema';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSchools } from '../mailbox/api.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useSaveOutreachEvent } from './api.ts';
import { outreachKindOptions } from './options.ts';

type TForm = {
  kind: TOutreachKind;
  title: string;
  heldOn: Dayjs;
  place: string;
  audience: string;
  participantCount: number;
  materials?: string;
  schoolId?: number | null;
};

/** 登记 / 修改 an outreach event. */
export function OutreachModal({
  event,
  onClose,
  withSchools,
}: {
  event: TOutreachEvent | null;
  onClose: () => void;
  withSchools: boolean;
}) {
  const save = useSaveOutreachEvent(event?.id ?? null);
  const schools = useSchools();
  return (
    <FormModal
      title={event ? '修改活动' : '登记法治宣传活动'}
      open
      onClose={onClose}
      mutation={save}
      toBody={(values: TForm) => ({
        ...values,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        materials: values.materials ?? '',
        schoolId: values.schoolId ?? null,
      })}
      done={event ? '已保存' : '已登记活动'}
      testId="outreach"
      initialValues={
        event
          ? { ...event, heldOn: dayjs(event.heldOn), schoolId: event.school?.id ?? null }
          : { kind: 'lawToSchool', heldOn: chinaToday() }
      }
      okText="保存"
      width={520}
    >
      <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
        <Select options={outreachKindOptions} data-testid="outreach-kind" />
      </Form.Item>
      <Form.Item label="活动名称" name="title" rules={[{ required: true, message: '请填写活动名称' }]}>
        <Input maxLength={100} data-testid="outreach-title" />
      </Form.Item>
      <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="outreach-date" />
      </Form.Item>
      <Form.Item label="地点" name="place" rules={[{ required: true, message: '请填写活动地点' }]}>
        <Input maxLength={100} data-testid="outreach-place" />
      </Form.Item>
      <Form.Item label="参加对象" name="audience" rules={[{ required: true, message: '请填写参加对象' }]}>
        <Input maxLength={100} placeholder="如：七年级学生、社区居民" data-testid="outreach-audience" />
      </Form.Item>
      <Form.Item label="人数" name="participantCount" rules={[{ required: true, message: '请填写人数' }]}>
        <InputNumber min={1} max={100000} precision={0} data-testid="outreach-count" />
      </Form.Item>
      {withSchools && (
        <Form.Item label="对接学校（可不选）" name="schoolId">
          <Select allowClear options={schools.data?.items.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      )}
      <Form.Item label="宣传材料（课件、资料，每行一项）" name="materials">
        <Input.TextArea rows={3} maxLength={2000} data-testid="outreach-materials" />
      </Form.Item>
    </FormModal>
  );
}
