import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Checkbox, Form, Input, Select } from 'antd';
import { FormModal } from '../shared/FormModal.tsx';
import { useSaveSuggestion } from './api.ts';
import { kindOptions } from './options.ts';

type TValues = {
  kind: TSuggestion['kind'];
  addressee?: string;
  urgent?: boolean;
  facts?: string;
  legalBasis?: string;
  requests?: string;
};

const text = (value: string | undefined) => value?.trim() ?? '';

/**
 * 制发检察建议 (a new draft) or 修改草稿. A draft may leave fields empty: the server names what is
 * missing when it is submitted or printed.
 */
export function SuggestionFormModal({
  caseId,
  editing,
  open,
  onClose,
}: {
  caseId: number;
  /** The draft being edited; null for a new one. */
  editing: TSuggestion | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const save = useSaveSuggestion(caseId, editing?.id ?? null);
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal
      title={editing ? '修改检察建议草稿' : '制发检察建议'}
      open={open}
      onClose={onClose}
      mutation={save}
      toBody={(values: TValues) => ({
        kind: values.kind,
        addressee: text(values.addressee),
        urgent: values.kind === 'preLitigation' && Boolean(values.urgent),
        facts: text(values.facts),
        legalBasis: text(values.legalBasis),
        requests: text(values.requests),
      })}
      done={editing ? '已保存草稿' : '已起草检察建议'}
      testId="suggestion-form"
      form={form}
      initialValues={
        editing
          ? {
              kind: editing.kind,
              addressee: editing.addressee,
              urgent: editing.urgent,
              facts: editing.facts,
              legalBasis: editing.legalBasis,
              requests: editing.requests,
            }
          : { kind: 'preLitigation', urgent: false }
      }
      okText="保存草稿"
      width={720}
    >
      <Form.Item label="种类" name="kind" rules={[{ required: true, message: '请选择检察建议种类' }]}>
        <Select options={kindOptions} style={{ width: 200 }} data-testid="suggestion-kind" />
      </Form.Item>
      <Form.Item label="被建议单位" name="addressee" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
        <Input placeholder="如 成都市成华区农业农村局" data-testid="suggestion-addressee" />
      </Form.Item>
      {kind === 'preLitigation' && (
        <Form.Item
          name="urgent"
          valuePropName="checked"
          extra="国家利益或社会公共利益损害继续扩大等紧急情形：回复期限为十五日"
        >
          <Checkbox data-testid="suggestion-urgent">紧急</Checkbox>
        </Form.Item>
      )}
      <Form.Item label="事实" name="facts" rules={[{ max: 20000, message: '不能超过 20000 个字' }]}>
        <Input.TextArea rows={4} data-testid="suggestion-facts" />
      </Form.Item>
      <Form.Item label="法律依据" name="legalBasis" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
        <Input.TextArea rows={2} data-testid="suggestion-legal-basis" />
      </Form.Item>
      <Form.Item label="建议内容" name="requests" rules={[{ max: 20000, message: '不能超过 20000 个字' }]}>
        <Input.TextArea rows={4} data-testid="suggestion-requests" />
      </Form.Item>
    </FormModal>
  );
}
