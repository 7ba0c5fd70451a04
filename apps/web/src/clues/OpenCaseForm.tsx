import type { TCaseType } from '@procura/domain/cases/case-types';
import { isPilCaseType, type TPilField } from '@procura/domain/public-interest-fields';
import type { TClueDetail, TDecideClueBody } from '@procura/server/clues/schema';
import { Button, Form, Input, Select } from 'antd';
import { phaseOptions } from '../cases/options.ts';
import { pilFieldOptions } from '../public-interest-fields/options.ts';

type TValues = { caseType: TCaseType; phase?: string; title: string; pilField?: TPilField };

type TProps = {
  clue: TClueDetail;
  /** The case types the clue's department opens. */
  options: { value: TCaseType; label: string }[];
  pending: boolean;
  onSubmit: (body: TDecideClueBody) => void;
};

/** 立案 from the clue: the types the clue's department opens, a phase where the type has them. */
export function OpenCaseForm({ clue, options, pending, onSubmit }: TProps) {
  const [form] = Form.useForm<TValues>();
  const caseType = Form.useWatch('caseType', form);
  const phases = phaseOptions(caseType);
  const pil = caseType ? isPilCaseType(caseType) : false;

  return (
    <Form
      form={form}
      name="clue-open"
      layout="vertical"
      initialValues={{ title: clue.title, pilField: clue.pilField ?? undefined }}
      onFinish={(values) =>
        onSubmit({
          decision: 'open',
          caseType: values.caseType,
          phase: phases ? values.phase : undefined,
          title: values.title.trim(),
          pilField: pil ? values.pilField : undefined,
        })
      }
      style={{ maxWidth: 560 }}
    >
      <Form.Item label="案件类型" name="caseType" rules={[{ required: true, message: '请选择案件类型' }]}>
        <Select options={options} placeholder="请选择案件类型" data-testid="open-case-type" />
      </Form.Item>
      {phases && (
        <Form.Item
          label="所处阶段"
          name="phase"
          rules={[{ required: true, message: '请选择诉前、诉中或诉后' }]}
        >
          <Select options={phases} placeholder="诉前 / 诉中 / 诉后" data-testid="open-case-phase" />
        </Form.Item>
      )}
      {pil && (
        <Form.Item
          label="公益诉讼领域"
          name="pilField"
          rules={[{ required: true, message: '请选择公益诉讼领域' }]}
        >
          <Select options={pilFieldOptions} placeholder="请选择领域" data-testid="open-case-pil-field" />
        </Form.Item>
      )}
      <Form.Item
        label="案件名称"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请输入案件名称' },
          { min: 2, max: 200, message: '案件名称为 2 至 200 个字' },
        ]}
      >
        <Input data-testid="open-case-title" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="open-case-submit">
        立案
      </Button>
    </Form>
  );
}
