import { entryKindLabels, pointCategoryLabels } from '@procura/domain/assessment/schemes';
import type { TPeriod, TProposeEntryBody } from '@procura/server/assessment/schema';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TPerson, useProposeEntry } from './api.ts';

type TValues = {
  userId: number;
  kind: TProposeEntryBody['kind'];
  ruleId?: number;
  indicatorId?: number;
  title: string;
  points?: number;
  value?: number;
  occurredOn: Dayjs;
};

/** 提出条目: party points under a rule, an entered indicator's value, a bonus or a negative line. */
export function ProposeEntryModal(props: {
  open: boolean;
  onClose: () => void;
  period: TPeriod;
  people: TPerson[];
  defaultUserId?: number;
}) {
  const propose = useProposeEntry();
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form);
  const ruleId = Form.useWatch('ruleId', form);
  const { pointRules, indicators } = props.period.scheme;
  const manualRules = pointRules.filter((r) => r.trigger === null || kind === 'negative');
  return (
    <FormModal<TValues, TProposeEntryBody>
      title={`提出考核条目（${props.period.name}）`}
      open={props.open}
      onClose={props.onClose}
      mutation={propose}
      form={form}
      testId="entry-propose"
      initialValues={{ kind: 'bonus', occurredOn: chinaToday(), userId: props.defaultUserId }}
      done="已提交"
      toBody={(v) => ({
        periodId: props.period.id,
        userId: v.userId,
        kind: v.kind,
        ruleId: v.kind === 'indicator' ? null : (v.ruleId ?? null),
        indicatorId: v.kind === 'indicator' ? (v.indicatorId ?? null) : null,
        title: v.title,
        points: v.kind === 'indicator' || v.ruleId ? null : (v.points ?? null),
        value: v.kind === 'indicator' ? (v.value ?? null) : null,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      })}
    >
      <Form.Item name="userId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
        <Select
          data-testid="entry-propose-person"
          showSearch
          optionFilterProp="label"
          options={props.people.map((p) => ({
            value: p.id,
            label: `${p.displayName}${p.departmentName ? `（${p.departmentName}）` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
        <Select
          data-testid="entry-propose-kind"
          options={Object.entries(entryKindLabels).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {kind === 'indicator' ? (
        <>
          <Form.Item name="indicatorId" label="填报指标" rules={[{ required: true, message: '请选择指标' }]}>
            <Select
              data-testid="entry-propose-indicator"
              options={indicators
                .filter((i) => i.source === 'entered')
                .map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
            />
          </Form.Item>
          <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber min={0} data-testid="entry-propose-value" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name="ruleId"
            label="积分条款"
            rules={kind === 'partyPoints' ? [{ required: true, message: '请选择积分条款' }] : []}
          >
            <Select
              allowClear
              data-testid="entry-propose-rule"
              options={manualRules.map((r) => ({
                value: r.id,
                label: `${r.code}. [${pointCategoryLabels[r.category]}] ${r.title}（${r.points > 0 ? '+' : ''}${r.points}${r.evidenceRequired ? '，须附证明' : ''}）`,
              }))}
            />
          </Form.Item>
          {!ruleId && (
            <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
              <InputNumber data-testid="entry-propose-points" />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="title" label="事项" rules={[{ required: true, message: '请填写事项' }]}>
        <Input maxLength={200} data-testid="entry-propose-title" />
      </Form.Item>
      <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true }]}>
        <DatePicker data-testid="entry-propose-date" />
      </Form.Item>
    </FormModal>
  );
}
