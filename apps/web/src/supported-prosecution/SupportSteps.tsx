import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  eligibilityReasons,
  resultsOfStep,
  supportStepDateLabels,
  supportStepKinds,
  supportStepResults,
  type TSupportStepKind,
} from '@procura/domain/supported-prosecution-steps';
import type { TStep, TStepBody, TSupportedProsecution } from '@procura/server/supported-prosecution/schema';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useDownloadOpinion, useRecordStep } from './api.ts';

const reasonOptions = Object.entries(eligibilityReasons).map(([value, label]) => ({ value, label }));

type TStepValues = {
  kind: TSupportStepKind;
  on: Dayjs;
  applicantIds?: number[];
  reasonKinds?: string[];
  detail?: string;
  person?: string;
  result?: string;
  body?: string;
  reference?: string;
};

/** What each kind asks for besides its date: the server's schema (supported-prosecution/schema.ts). */
const asks: Record<
  TSupportStepKind,
  { body?: string; reference?: string; detail?: string; detailRequired?: boolean }
> = {
  eligibilityReview: { detail: '审查理由', detailRequired: true },
  legalAidReferral: { body: '法律援助机构', detail: '说明' },
  evidenceCollection: { detail: '收集的证据', detailRequired: true },
  courtFiling: { body: '受理法院', reference: '案号', detail: '说明' },
  mediation: { detail: '调解（和解）内容' },
  judgment: { reference: '判决书案号', detail: '判决内容' },
  enforcement: { reference: '执行案号', detail: '执行情况' },
};

function toBody(v: TStepValues): TStepBody {
  const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
  const common = {
    on: v.on.format('YYYY-MM-DD'),
    ...(v.applicantIds && v.applicantIds.length > 0 ? { applicantIds: v.applicantIds } : {}),
  };
  const optional = (key: 'detail' | 'reference' | 'body') => (text(v[key]) ? { [key]: text(v[key]) } : {});
  // The server validates the rest (required fields per kind, results of the kind).
  return {
    kind: v.kind,
    ...common,
    ...(v.kind === 'eligibilityReview' ? { reasonKinds: v.reasonKinds, person: text(v.person) } : {}),
    ...(v.result ? { result: v.result } : {}),
    ...optional('body'),
    ...optional('reference'),
    ...optional('detail'),
  } as TStepBody;
}

function StepModal({
  caseId,
  data,
  open,
  onClose,
}: {
  caseId: number;
  data: TSupportedProsecution;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TStepValues>();
  const kind = Form.useWatch('kind', form);
  const ask = kind ? asks[kind] : undefined;
  const results = kind ? resultsOfStep[kind] : [];
  return (
    <FormModal
      title="记录办理步骤"
      open={open}
      onClose={onClose}
      mutation={useRecordStep(caseId)}
      toBody={toBody}
      done="已记录"
      testId="support-step"
      form={form}
      width={600}
    >
      <Form.Item label="步骤" name="kind" rules={[{ required: true, message: '请选择步骤' }]}>
        <Select
          options={data.nextSteps.map((k) => ({ value: k, label: supportStepKinds[k] }))}
          onChange={() => form.setFieldValue('result', undefined)}
          data-testid="support-step-kind"
        />
      </Form.Item>
      <Form.Item
        label={kind ? supportStepDateLabels[kind] : '日期'}
        name="on"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker disabledDate={(day) => day.isAfter(chinaToday(), 'day')} data-testid="support-step-on" />
      </Form.Item>
      {kind === 'eligibilityReview' && (
        <>
          <Form.Item
            label="不能独立起诉的原因"
            name="reasonKinds"
            rules={[{ required: true, message: '请选择原因' }]}
          >
            <Select mode="multiple" options={reasonOptions} data-testid="support-step-reasons" />
          </Form.Item>
          <Form.Item label="审查人" name="person" rules={[{ required: true, message: '请填写审查人' }]}>
            <Input maxLength={50} data-testid="support-step-person" />
          </Form.Item>
        </>
      )}
      {results.length > 0 && (
        <Form.Item
          label={kind === 'eligibilityReview' ? '审查结论' : '结果'}
          name="result"
          rules={[{ required: true, message: '请选择结果' }]}
        >
          <Select
            options={results.map((r) => ({ value: r, label: supportStepResults[r] }))}
            data-testid="support-step-result"
          />
        </Form.Item>
      )}
      {ask?.body && (
        <Form.Item label={ask.body} name="body" rules={[{ required: true, message: `请填写${ask.body}` }]}>
          <Input maxLength={200} data-testid="support-step-body" />
        </Form.Item>
      )}
      {ask?.reference && (
        <Form.Item
          label={ask.reference}
          name="reference"
          rules={kind === 'courtFiling' ? [{ required: true, message: '请填写案号' }] : []}
        >
          <Input maxLength={100} data-testid="support-step-reference" />
        </Form.Item>
      )}
      {ask?.detail && (
        <Form.Item
          label={ask.detail}
          name="detail"
          rules={ask.detailRequired ? [{ required: true, message: `请填写${ask.detail}` }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="support-step-detail" />
        </Form.Item>
      )}
      {kind && (
        <Form.Item label="所涉申请人（不选为全体申请人）" name="applicantIds">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={data.applicants.map((a) => ({ value: a.id, label: a.name }))}
            data-testid="support-step-applicants"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

/**
 * 支持起诉办理: the work after the applicants are listed (审查 → 法律援助 → 取证 → 立案 → 调解或判决
 * → 执行), and the 支持起诉意见书 for the case's department.
 */
export function SupportSteps({
  caseId,
  data,
  mayEdit,
}: {
  caseId: number;
  data: TSupportedProsecution;
  mayEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const download = useDownloadOpinion(caseId);
  const names = new Map(data.applicants.map((a) => [a.id, a.name]));
  const eligible = data.steps.filter((s) => s.kind === 'eligibilityReview').at(-1)?.result === 'eligible';
  const columns = [
    { title: '日期', dataIndex: 'on', width: 110 },
    { title: '步骤', dataIndex: 'kindLabel', width: 140 },
    {
      title: '结果',
      dataIndex: 'resultLabel',
      width: 150,
      render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—'),
    },
    {
      title: '内容',
      key: 'content',
      render: (_: unknown, s: TStep) => (
        <Space orientation="vertical" size={0}>
          {s.reasonLabels.length > 0 && <span>原因：{s.reasonLabels.join('；')}</span>}
          {s.person && <span>审查人：{s.person}</span>}
          {(s.body || s.reference) && <span>{[s.body, s.reference].filter(Boolean).join('，')}</span>}
          {s.detail && <Typography.Text type="secondary">{s.detail}</Typography.Text>}
          <Typography.Text type="secondary">
            申请人：
            {s.applicantIds ? s.applicantIds.map((id) => names.get(id) ?? id).join('、') : '全体'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '记录人', dataIndex: 'recordedBy', width: 100 },
  ];
  return (
    <Card
      title="支持起诉办理"
      data-testid="support-steps"
      extra={
        <Space>
          {mayEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={!data.claimKind || data.nextSteps.length === 0}
              onClick={() => setOpen(true)}
              data-testid="add-support-step"
            >
              记录办理步骤
            </Button>
          )}
          {!data.idNumbersMasked && (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              disabled={!eligible || data.applicants.length === 0}
              title={eligible ? undefined : '支持起诉条件审查结论为符合条件后可生成'}
              loading={download.isPending}
              onClick={() => download.mutate()}
              data-testid="download-support-opinion"
            >
              支持起诉意见书
            </Button>
          )}
        </Space>
      }
    >
      {download.error && (
        <Alert type="error" showIcon title={errorText(download.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<TStep>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.steps}
        pagination={false}
        locale={{ emptyText: '尚未记录办理步骤（先做支持起诉条件审查）' }}
        data-testid="support-steps-table"
      />
      <StepModal caseId={caseId} data={data} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
