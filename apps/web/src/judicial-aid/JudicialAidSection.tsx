import { PlusOutlined } from '@ant-design/icons';
import { formatYuan } from '@procura/domain/clean/amount';
import type { TJudicialAid } from '@procura/server/judicial-aid/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { yuanRule, yuanToFen } from '../shared/money.ts';
import {
  categoryOptions,
  useApplyForAid,
  useCaseJudicialAid,
  useCorrectApplication,
  useDecideAid,
  useDownloadDecision,
  useRecordPayment,
} from './api.ts';

const yuan = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);
const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const notAfterToday = (value: Dayjs) => value.isAfter(chinaToday(), 'day');

type TApplyValues = {
  applicantName: string;
  applicantIdNumber: string;
  minorId?: number;
  appliedOn: Dayjs;
  category: TJudicialAid['category'];
  reason?: string;
};

function ApplyModal({
  caseId,
  minors,
  onClose,
}: {
  caseId: number;
  minors?: { id: number; name: string }[];
  onClose: () => void;
}) {
  return (
    <FormModal
      title="登记司法救助申请"
      open
      onClose={onClose}
      mutation={useApplyForAid(caseId)}
      toBody={(v: TApplyValues) => ({
        applicantName: v.applicantName,
        applicantIdNumber: v.applicantIdNumber,
        appliedOn: day(v.appliedOn),
        category: v.category,
        ...(v.minorId ? { minorId: v.minorId } : {}),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      })}
      done="已登记司法救助申请"
      testId="aid-apply"
      width={560}
    >
      <ApplicationFields minors={minors} />
    </FormModal>
  );
}

/** The application's fields, shared by 登记申请 and 更正. */
function ApplicationFields({ minors }: { minors?: { id: number; name: string }[] }) {
  return (
    <>
      <Form.Item
        label="申请人姓名"
        name="applicantName"
        rules={[{ required: true, message: '请填写申请人姓名' }]}
      >
        <Input maxLength={50} data-testid="aid-applicant-name" />
      </Form.Item>
      <Form.Item
        label="申请人身份证号"
        name="applicantIdNumber"
        rules={[{ required: true, message: '请填写申请人身份证号' }]}
      >
        <Input maxLength={30} data-testid="aid-applicant-id" />
      </Form.Item>
      {minors && minors.length > 0 && (
        <Form.Item label="救助的未成年人" name="minorId">
          <Select allowClear options={minors.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
      )}
      <Form.Item label="申请日期" name="appliedOn" rules={[{ required: true, message: '请选择申请日期' }]}>
        <DatePicker disabledDate={notAfterToday} data-testid="aid-applied-on" />
      </Form.Item>
      <Form.Item label="救助事由" name="category" rules={[{ required: true, message: '请选择救助事由' }]}>
        <Select options={categoryOptions} data-testid="aid-category" popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item label="申请理由（生活困难情况）" name="reason">
        <Input.TextArea rows={3} maxLength={2000} data-testid="aid-reason" />
      </Form.Item>
    </>
  );
}

function CorrectModal({ caseId, aid, onClose }: { caseId: number; aid: TJudicialAid; onClose: () => void }) {
  return (
    <FormModal
      title={`更正司法救助申请：${aid.applicantName}`}
      open
      onClose={onClose}
      initialValues={{
        applicantName: aid.applicantName,
        applicantIdNumber: aid.applicantIdNumber ?? '',
        appliedOn: dayjs(aid.appliedOn),
        category: aid.category,
        reason: aid.reason ?? '',
      }}
      mutation={useCorrectApplication(caseId, aid.id)}
      toBody={(v: TApplyValues) => ({
        applicantName: v.applicantName,
        applicantIdNumber: v.applicantIdNumber,
        appliedOn: day(v.appliedOn),
        category: v.category,
        reason: v.reason?.trim() ?? '',
      })}
      done="已更正申请"
      testId="aid-correct"
      width={560}
    >
      <ApplicationFields />
    </FormModal>
  );
}

type TDecisionValues = { decision: 'granted' | 'refused'; decidedOn: Dayjs; amount?: string; note?: string };

function DecisionModal({ caseId, aid, onClose }: { caseId: number; aid: TJudicialAid; onClose: () => void }) {
  const [form] = Form.useForm<TDecisionValues>();
  const decision = Form.useWatch('decision', form);
  return (
    <FormModal
      title={`司法救助决定：${aid.applicantName}（${aid.appliedOn} 申请）`}
      open
      onClose={onClose}
      form={form}
      initialValues={{ decision: 'granted' }}
      mutation={useDecideAid(caseId, aid.id)}
      toBody={(v: TDecisionValues) => ({
        decision: v.decision,
        decidedOn: day(v.decidedOn),
        ...(v.decision === 'granted' ? { approvedFen: yuanToFen(v.amount ?? '') ?? 0 } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      })}
      done="已记录决定"
      testId="aid-decision"
      width={520}
    >
      <Form.Item label="决定" name="decision">
        <Radio.Group
          options={[
            { value: 'granted', label: '批准救助' },
            { value: 'refused', label: '不予救助' },
          ]}
          data-testid="aid-decision-kind"
        />
      </Form.Item>
      <Form.Item label="决定日期" name="decidedOn" rules={[{ required: true, message: '请选择决定日期' }]}>
        <DatePicker disabledDate={notAfterToday} data-testid="aid-decided-on" />
      </Form.Item>
      {decision !== 'refused' && (
        <Form.Item label="批准金额" name="amount" rules={[yuanRule]}>
          <Input suffix="元" inputMode="decimal" data-testid="aid-approved" />
        </Form.Item>
      )}
      <Form.Item
        label={decision === 'refused' ? '不予救助的理由' : '备注'}
        name="note"
        rules={decision === 'refused' ? [{ required: true, message: '请写明不予救助的理由' }] : []}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="aid-decision-note" />
      </Form.Item>
    </FormModal>
  );
}

type TPaymentValues = { amount: string; paidOn: Dayjs; reason?: string };

function PaymentModal({ caseId, aid, onClose }: { caseId: number; aid: TJudicialAid; onClose: () => void }) {
  return (
    <FormModal
      title={`记录发放：${aid.applicantName}（批准 ${yuan(aid.approvedFen)}）`}
      open
      onClose={onClose}
      initialValues={{ amount: aid.approvedFen === null ? '' : (aid.approvedFen / 100).toFixed(2) }}
      mutation={useRecordPayment(caseId, aid.id)}
      toBody={(v: TPaymentValues) => {
        const reason = v.reason?.trim();
        return {
          paidFen: yuanToFen(v.amount) ?? 0,
          paidOn: day(v.paidOn),
          ...(reason ? { confirmed: true, reason } : {}),
        };
      }}
      done="已记录发放"
      testId="aid-payment"
      width={520}
    >
      <Form.Item label="发放金额" name="amount" rules={[yuanRule]}>
        <Input suffix="元" inputMode="decimal" data-testid="aid-paid" />
      </Form.Item>
      <Form.Item label="发放日期" name="paidOn" rules={[{ required: true, message: '请选择发放日期' }]}>
        <DatePicker disabledDate={notAfterToday} data-testid="aid-paid-on" />
      </Form.Item>
      <Form.Item label="超过批准金额的原因（仅超出时填写，视为确认）" name="reason">
        <Input.TextArea rows={2} maxLength={500} data-testid="aid-over-reason" />
      </Form.Item>
    </FormModal>
  );
}

const stageColours: Record<string, string> = {
  已申请: 'default',
  已批准: 'blue',
  不予救助: 'red',
  已发放: 'green',
};

/**
 * 司法救助 on a case of any line: the applications, their decisions and payments. Shown on every
 * case page the user reaches (a sealed juvenile case's page is not reached outside 未检 and the chief).
 */
export function JudicialAidSection({
  caseId,
  mayEdit,
  minors,
  full = false,
}: {
  caseId: number;
  mayEdit: boolean;
  /** On the juvenile page after 查看完整信息: the applicants in full. */
  full?: boolean;
  /** On a juvenile case: the minors an assistance may be for (names as the page shows them). */
  minors?: { id: number; name: string }[];
}) {
  const query = useCaseJudicialAid(caseId, full);
  const download = useDownloadDecision(caseId);
  const [dialog, setDialog] = useState<
    { kind: 'apply' } | { kind: 'decide' | 'pay' | 'correct'; aid: TJudicialAid } | null
  >(null);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const data = query.data;
  const columns = [
    { title: '申请人', dataIndex: 'applicantName', width: 90 },
    { title: '身份证号', dataIndex: 'applicantIdNumber', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '申请日期', dataIndex: 'appliedOn', width: 110 },
    { title: '救助事由', dataIndex: 'categoryLabel', width: 180, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'stage',
      width: 90,
      render: (stage: string) => <Tag color={stageColours[stage]}>{stage}</Tag>,
    },
    {
      title: '决定',
      key: 'decision',
      width: 170,
      render: (_: unknown, a: TJudicialAid) =>
        a.decision === 'pending'
          ? '—'
          : `${a.decidedOn ?? ''} ${a.decidedBy ?? ''}${a.decisionNote ? `：${a.decisionNote}` : ''}`,
    },
    { title: '批准金额', dataIndex: 'approvedFen', align: 'right' as const, width: 120, render: yuan },
    {
      title: '发放',
      key: 'paid',
      width: 170,
      render: (_: unknown, a: TJudicialAid) =>
        a.paidFen === null
          ? '—'
          : `${yuan(a.paidFen)}（${a.paidOn}）${a.overPaidReason ? ' 超额已确认' : ''}`,
    },
    ...(mayEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 190,
            render: (_: unknown, a: TJudicialAid) => (
              <Space size={0}>
                {a.decision === 'pending' && !data?.masked && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setDialog({ kind: 'correct', aid: a })}
                    data-testid={`aid-correct-${a.id}`}
                  >
                    更正
                  </Button>
                )}
                {a.decision === 'pending' && data?.mayDecide && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setDialog({ kind: 'decide', aid: a })}
                    data-testid={`aid-decide-${a.id}`}
                  >
                    决定
                  </Button>
                )}
                {a.decision !== 'pending' && !data?.masked && (
                  <Button
                    size="small"
                    type="link"
                    loading={download.isPending && download.variables === a.id}
                    onClick={() => download.mutate(a.id)}
                    data-testid={`aid-document-${a.id}`}
                  >
                    决定书
                  </Button>
                )}
                {a.decision === 'granted' && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setDialog({ kind: 'pay', aid: a })}
                    data-testid={`aid-pay-${a.id}`}
                  >
                    {a.paidOn ? '更正发放' : '记录发放'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title="司法救助"
      loading={query.isPending}
      data-testid="judicial-aid"
      extra={
        mayEdit && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'apply' })}
            data-testid="aid-add"
          >
            登记申请
          </Button>
        )
      }
    >
      {download.error && (
        <Alert type="error" showIcon title={errorText(download.error)} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {data.aids.length > 0 && (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 'applications', label: '申请', children: `${data.totals.applications} 件` },
                { key: 'granted', label: '批准', children: `${data.totals.granted} 件` },
                { key: 'approved', label: '批准金额合计', children: yuan(data.totals.approvedFen) },
                {
                  key: 'paid',
                  label: '已发放合计',
                  children: <span data-testid="aid-paid-total">{yuan(data.totals.paidFen)}</span>,
                },
              ]}
            />
          )}
          {data.masked && data.aids.length > 0 && (
            <Alert type="info" showIcon title="无权查看完整信息，申请人姓名、身份证号部分隐藏" />
          )}
          <Table<TJudicialAid>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.aids}
            pagination={false}
            scroll={{ x: 1300 }}
            locale={{ emptyText: '无司法救助申请' }}
            data-testid="aid-table"
          />
        </Space>
      )}
      {dialog?.kind === 'apply' && (
        <ApplyModal caseId={caseId} minors={minors} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'correct' && (
        <CorrectModal caseId={caseId} aid={dialog.aid} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decide' && (
        <DecisionModal caseId={caseId} aid={dialog.aid} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'pay' && (
        <PaymentModal caseId={caseId} aid={dialog.aid} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
