import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Checkbox, Form, Input, Select, Space } from 'antd';
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
  contactName?: string;
  contactPhone?: string;
  copyTo?: string;
};

const text = (value: string | undefined) => value?.trim() ?? '';

/**
 * 制发检察建议 (a new draft) or 修改草稿. A draft may leave fields empty: the server names what is
 * missing when it is submitted or printed. The 检察建议书 prints its own opening (立案 date), the
 * contact line and 抄送 around these fields.
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
        contactName: text(values.contactName),
        contactPhone: text(values.contactPhone),
        copyTo: text(values.copyTo),
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
              contactName: editing.contactName,
              contactPhone: editing.contactPhone,
              copyTo: editing.copyTo,
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
      <Space wrap size="middle">
        <Form.Item
          label="联系人"
          name="contactName"
          rules={[{ max: 50, message: '不能超过 50 个字' }]}
          extra="不填则为本案承办人"
        >
          <Input style={{ width: 200 }} data-testid="suggestion-contact-name" />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="contactPhone"
          rules={[
            { max: 40, message: '不能超过 40 个字' },
            {
              pattern: /^[0-9０-９+＋\-－—()（）\s、，,转]*$/,
              message: '联系电话只能包含数字、区号括号、连字符和“转”',
            },
          ]}
        >
          <Input
            style={{ width: 220 }}
            placeholder="如 028-84321234"
            data-testid="suggestion-contact-phone"
          />
        </Form.Item>
      </Space>
      <Form.Item
        label="抄送"
        name="copyTo"
        rules={[{ max: 500, message: '不能超过 500 个字' }]}
        extra="填写后印在检察建议书末尾，如 成都市成华区人民政府"
      >
        <Input data-testid="suggestion-copy-to" />
      </Form.Item>
    </FormModal>
  );
}
