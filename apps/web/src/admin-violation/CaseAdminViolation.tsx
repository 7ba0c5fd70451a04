import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import type { TAdminViolation, TAdminViolationBody } from '@procura/server/admin-violation/schema';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import {
  actKindOptions,
  correctionOptions,
  useAdminViolation,
  useRecordFollowUp,
  useUpdateAdminViolation,
} from './api.ts';

type TSuggestionSummary = TAdminViolation['suggestions'][number];

const suggestionLabel = (s: TSuggestionSummary) =>
  `${s.docNumber ?? `${s.kindLabel}（未签发）`}，${s.stateLabel}${s.addressee ? `，致${s.addressee}` : ''}`;

type TRecordValues = Omit<TAdminViolationBody, 'suggestionId'> & { suggestionId?: number };

function RecordModal({ data, open, onClose }: { data: TAdminViolation; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TRecordValues>();
  const kind = Form.useWatch('actKind', form);
  const record = data.record;
  const blank = (v?: string) => (v?.trim() ? v.trim() : undefined);
  return (
    <FormModal
      title="行政违法行为监督情况"
      open={open}
      onClose={onClose}
      mutation={useUpdateAdminViolation(data.caseId)}
      form={form}
      initialValues={
        record
          ? {
              organ: record.organ,
              organCode: record.organCode ?? undefined,
              actKind: record.actKind,
              actKindOther: record.actKindOther ?? undefined,
              actDescription: record.actDescription ?? undefined,
              violation: record.violation,
              suggestionId: record.suggestion?.id,
            }
          : undefined
      }
      toBody={(v: TRecordValues): TAdminViolationBody => ({
        organ: v.organ.trim(),
        organCode: blank(v.organCode),
        actKind: v.actKind,
        actKindOther: v.actKind === 'other' ? blank(v.actKindOther) : undefined,
        actDescription: blank(v.actDescription),
        violation: v.violation.trim(),
        suggestionId: v.suggestionId ?? null,
      })}
      done="已保存"
      testId="admin-violation"
    >
      <Form.Item
        label="行政机关"
        name="organ"
        rules={[{ required: true, whitespace: true, message: '请填写行政机关名称' }]}
      >
        <Input maxLength={200} placeholder="如：成都市成华区某局" data-testid="admin-violation-organ" />
      </Form.Item>
      <Form.Item label="统一社会信用代码" name="organCode">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        label="被监督的行政行为"
        name="actKind"
        rules={[{ required: true, message: '请选择行政行为类别' }]}
      >
        <Select options={actKindOptions} data-testid="admin-violation-act-kind" />
      </Form.Item>
      {kind === 'other' && (
        <Form.Item
          label="行为名称"
          name="actKindOther"
          rules={[{ required: true, message: '请写明行政行为名称' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item label="行政行为（文号、内容）" name="actDescription">
        <Input.TextArea rows={2} maxLength={2000} data-testid="admin-violation-act" />
      </Form.Item>
      <Form.Item
        label="发现的违法情形"
        name="violation"
        rules={[{ required: true, whitespace: true, message: '请填写发现的违法情形' }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={5000}
          placeholder="如：未依法保障当事人听证权利"
          data-testid="admin-violation-violation"
        />
      </Form.Item>
      <Form.Item
        label="向行政机关提出的检察建议"
        name="suggestionId"
        extra="在本案“检察建议”中起草、签发和送达"
      >
        <Select
          allowClear
          placeholder={data.suggestions.length ? '请选择' : '本案尚无检察建议'}
          options={data.suggestions.map((s) => ({ value: s.id, label: suggestionLabel(s) }))}
          data-testid="admin-violation-suggestion"
        />
      </Form.Item>
    </FormModal>
  );
}

type TFollowUpValues = {
  correction: 'corrected' | 'partlyCorrected' | 'notCorrected';
  correctionMeasures: string;
  correctedOn: Dayjs;
};

function FollowUpModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  return (
    <FormModal
      title="记录行政机关纠正结果"
      open={open}
      onClose={onClose}
      mutation={useRecordFollowUp(caseId)}
      toBody={(v: TFollowUpValues) => ({
        correction: v.correction,
        correctionMeasures: v.correctionMeasures.trim(),
        correctedOn: v.correctedOn.format('YYYY-MM-DD'),
      })}
      done="已记录纠正结果"
      testId="admin-violation-follow-up"
      width={520}
    >
      <Form.Item label="纠正结果" name="correction" rules={[{ required: true, message: '请选择纠正结果' }]}>
        <Select options={correctionOptions} data-testid="admin-violation-correction" />
      </Form.Item>
      <Form.Item
        label="纠正情况"
        name="correctionMeasures"
        rules={[{ required: true, whitespace: true, message: '请填写行政机关的纠正情况' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} placeholder="如：撤回强制执行申请，重新告知听证权利" />
      </Form.Item>
      <Form.Item label="纠正日期" name="correctedOn" rules={[{ required: true, message: '请选择纠正日期' }]}>
        <DatePicker disabledDate={(day) => day.isAfter(chinaToday(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

/** 行政违法行为监督: the organ, the act, the violation found, the suggestion to the organ and its follow-up. */
export function CaseAdminViolation({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const query = useAdminViolation(caseId);
  const [dialog, setDialog] = useState<'record' | 'followUp' | null>(null);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const data = query.data;
  const record = data?.record;
  const suggestion = record?.suggestion;
  return (
    <Card
      title="行政违法行为监督"
      loading={query.isPending}
      data-testid="case-admin-violation"
      extra={
        mayEdit &&
        data && (
          <Space>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDialog('record')}
              data-testid="edit-admin-violation"
            >
              填写监督情况
            </Button>
            <Button
              size="small"
              icon={<CheckOutlined />}
              disabled={!suggestion?.deliveredOn}
              title={suggestion?.deliveredOn ? undefined : '检察建议送达后记录'}
              onClick={() => setDialog('followUp')}
              data-testid="record-admin-violation-follow-up"
            >
              记录纠正结果
            </Button>
          </Space>
        )
      }
    >
      {data && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            ...(data.origin
              ? [
                  {
                    key: 'origin',
                    label: '线索来源',
                    span: 'filled' as const,
                    children: `${data.origin.kindLabel}：${data.origin.criminalCaseNumber}`,
                  },
                ]
              : []),
            { key: 'organ', label: '行政机关', children: record?.organ ?? '未填写' },
            { key: 'act', label: '被监督的行政行为', children: record?.actKindLabel ?? '未填写' },
            ...(record?.actDescription
              ? [
                  {
                    key: 'actDescription',
                    label: '行政行为',
                    span: 'filled' as const,
                    children: record.actDescription,
                  },
                ]
              : []),
            {
              key: 'violation',
              label: '违法情形',
              span: 'filled' as const,
              children: (
                <span data-testid="admin-violation-violation-text">{record?.violation ?? '未填写'}</span>
              ),
            },
            {
              key: 'suggestion',
              label: '检察建议',
              span: 'filled' as const,
              children: suggestion
                ? `${suggestionLabel(suggestion)}${suggestion.deliveredOn ? `，${suggestion.deliveredOn} 送达` : ''}${
                    suggestion.replyDue
                      ? `，回复期限 ${suggestion.replyDue}（${suggestion.replyStatusLabel ?? ''}）`
                      : ''
                  }${suggestion.replyOn ? `，${suggestion.replyOn} 回复` : ''}`
                : '未关联',
            },
            {
              key: 'followUp',
              label: '纠正结果',
              span: 'filled' as const,
              children: record?.followUp
                ? `${record.followUp.correctionLabel}（${record.followUp.correctedOn}）${record.followUp.correctionMeasures ?? ''}`
                : '尚未记录',
            },
          ]}
        />
      )}
      {data && <RecordModal data={data} open={dialog === 'record'} onClose={() => setDialog(null)} />}
      <FollowUpModal caseId={caseId} open={dialog === 'followUp'} onClose={() => setDialog(null)} />
    </Card>
  );
}
