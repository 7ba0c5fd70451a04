import type { TClueSource } from '@procura/domain/cases/clue-sources';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import type { TPilField } from '@procura/domain/public-interest-fields';
import type { TMe } from '@procura/server/auth/schema';
import type { TPartyInput } from '@procura/server/clues/schema';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { pilFieldOptions } from '../public-interest-fields/options.ts';
import { chinaToday } from '../shared/dates.ts';
import { showFormError } from '../shared/formErrors.ts';
import { useHandlerOptions } from '../shared/useHandlerOptions.ts';
import { type TRegisterClueResult, useRegisterClue } from './api.ts';
import { sourceOptions } from './options.ts';
import { PartiesField } from './PartiesField.tsx';

type TPartyValues = { kind: 'person' | 'organisation'; name?: string; idNumber?: string };
type TValues = {
  source: TClueSource;
  title: string;
  description: string;
  assessmentDueOn?: Dayjs | null;
  handlerId?: number;
  pilField?: TPilField;
  parties?: TPartyValues[];
};

function toParty({ kind, name = '', idNumber }: TPartyValues): TPartyInput {
  if (kind === 'organisation') return { kind, name: name.trim() };
  const cleaned = idNumber?.trim() ? cleanIdNumber(idNumber) : null;
  // The server cleans again and explains a bad number; send the cleaned form when there is one.
  const id = cleaned ? (cleaned.ok ? cleaned.value : (idNumber ?? '').trim()) : '';
  return id ? { kind, name: name.trim(), idNumber: id } : { kind, name: name.trim() };
}

type TProps = { open: boolean; onClose: () => void; onRegistered: (result: TRegisterClueResult) => void };

export function RegisterClueModal({ open, onClose, onRegistered }: TProps) {
  const [form] = Form.useForm<TValues>();
  const register = useRegisterClue();
  const me = useMe();

  const onFinish = (values: TValues) =>
    register.mutate(
      {
        source: values.source,
        title: values.title.trim(),
        description: values.description.trim(),
        assessmentDueOn: values.assessmentDueOn?.format('YYYY-MM-DD'),
        handlerId: values.handlerId,
        pilField: values.pilField,
        parties: (values.parties ?? []).map(toParty),
      },
      {
        onSuccess: (result) => {
          notifySuccess(`已登记线索「${result.clue.title}」`);
          onRegistered(result);
        },
        onError: (error) => showFormError(form, error, {}),
      },
    );

  return (
    <Modal
      title="登记线索"
      open={open}
      okText="登记"
      width={720}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'register-clue-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="clue-register"
        layout="vertical"
        onFinish={onFinish}
        clearOnDestroy
        data-testid="register-clue-form"
      >
        <Form.Item label="线索来源" name="source" rules={[{ required: true, message: '请选择线索来源' }]}>
          <Select options={sourceOptions} placeholder="请选择线索来源" data-testid="clue-source" />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请输入标题' },
            { min: 2, max: 200, message: '标题为 2 至 200 个字' },
          ]}
        >
          <Input data-testid="clue-title" />
        </Form.Item>
        <Form.Item
          label="线索内容"
          name="description"
          rules={[
            { required: true, whitespace: true, message: '请填写线索内容' },
            { min: 2, max: 20000, message: '线索内容为 2 至 20000 个字' },
          ]}
        >
          <Input.TextArea rows={4} data-testid="clue-description" />
        </Form.Item>
        {me.department?.line === 'publicInterest' && (
          <Form.Item
            label="公益诉讼领域"
            name="pilField"
            extra="立案时随线索带入案件"
            rules={[{ required: true, message: '请选择公益诉讼领域' }]}
          >
            <Select options={pilFieldOptions} placeholder="请选择领域" data-testid="clue-pil-field" />
          </Form.Item>
        )}
        {me.actions.includes('clue.read') && <HandlerField me={me} />}
        <Form.Item
          label="评估期限"
          name="assessmentDueOn"
          extra="不填则按本部门设置的线索评估期限自动计算（按节假日顺延）"
        >
          <DatePicker
            disabledDate={(day) => day.isBefore(chinaToday(), 'day')}
            style={{ width: 200 }}
            data-testid="clue-due"
          />
        </Form.Item>
        <Form.Item label="当事人">
          <PartiesField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 承办人 at registration; those who cannot read clues (an analyst) leave it to the department. */
function HandlerField({ me }: { me: TMe }) {
  const options = useHandlerOptions(me);
  return (
    <Form.Item
      label="承办人"
      name="handlerId"
      extra={
        me.role === 'prosecutor'
          ? '不选则由您本人承办'
          : '不选则由部门负责人指派；检察官登记的线索默认由其本人承办'
      }
    >
      <Select
        options={options}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="请选择承办人"
        style={{ width: 280 }}
        data-testid="clue-handler"
      />
    </Form.Item>
  );
}
