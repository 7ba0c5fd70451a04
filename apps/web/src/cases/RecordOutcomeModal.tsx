import { outcomeKinds, type TOutcomeKind } from '@procura/domain/cases/outcomes';
import type { TRecordOutcomeBody } from '@procura/server/cases/schema';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../shared/FormModal.tsx';
import { yuanRule, yuanToFen } from '../shared/money.ts';
import { useRecordOutcome } from './api.ts';
import { outcomeKindOptions } from './options.ts';

type TValues = { kind: TOutcomeKind; amount?: string; count?: number; note?: string };

function toBody(values: TValues): TRecordOutcomeBody {
  const note = values.note?.trim() || undefined;
  if (outcomeKinds[values.kind].measure === 'amount') {
    return { kind: values.kind, amountFen: yuanToFen(values.amount ?? '') ?? 0, note };
  }
  return { kind: values.kind, count: values.count ?? 0, note };
}

/** 记录成果: money in 元 (sent as fen, converted from the decimal text), or a count (人, 亩…). */
export function RecordOutcomeModal({
  caseId,
  open,
  onClose,
}: {
  caseId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const record = useRecordOutcome(caseId);
  const kind = Form.useWatch('kind', form);
  const definition = kind ? outcomeKinds[kind] : undefined;
  return (
    <FormModal
      title="记录办案成效"
      open={open}
      onClose={onClose}
      mutation={record}
      toBody={toBody}
      done="已记录办案成效"
      testId="outcome"
      form={form}
      okText="记录"
      width={520}
    >
      <Form.Item label="成效类型" name="kind" rules={[{ required: true, message: '请选择成效类型' }]}>
        <Select options={outcomeKindOptions} placeholder="请选择成效类型" data-testid="outcome-kind" />
      </Form.Item>
      {definition?.measure === 'amount' && (
        <Form.Item label="金额" name="amount" required rules={[yuanRule]}>
          <Input suffix="元" inputMode="decimal" placeholder="如 1190000.00" data-testid="outcome-amount" />
        </Form.Item>
      )}
      {definition?.measure === 'count' && (
        <Form.Item label="数量" name="count" rules={[{ required: true, message: '请输入数量' }]}>
          <InputNumber
            min={1}
            max={1_000_000_000}
            precision={0}
            suffix={definition.unit}
            style={{ width: 200 }}
            data-testid="outcome-count"
          />
        </Form.Item>
      )}
      <Form.Item label="备注" name="note" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
