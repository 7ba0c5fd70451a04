import { PlusOutlined } from '@ant-design/icons';
import { pilCheckResults, pilConsultationKinds } from '@procura/domain/pil-mechanisms';
import type { TConsultation } from '@procura/server/consultations/schema';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { ConsultationOrganisations } from '../portal/ConsultationOrganisations.tsx';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import {
  useAddConsultation,
  useAgreements,
  useCaseAgreement,
  useConsultations,
  useRecordCheck,
  useSetCaseAgreement,
} from './api.ts';

/** 依据的会签文件: the cooperation agreement under which the case came. */
function AgreementCitation({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const cited = useCaseAgreement(caseId);
  const agreements = useAgreements();
  const change = useSetCaseAgreement(caseId);
  const current = cited.data?.agreement ?? null;
  if (!mayEdit) return <span data-testid="case-agreement">依据会签文件：{current?.title ?? '无'}</span>;
  return (
    <Space data-testid="case-agreement">
      <span>依据会签文件：</span>
      <Select
        style={{ width: 280 }}
        size="small"
        allowClear
        placeholder="无"
        loading={cited.isPending || agreements.isPending || change.isPending}
        value={current?.id}
        options={(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
        onChange={(value: number | undefined) => change.mutate(value ?? null)}
        data-testid="case-agreement-select"
      />
    </Space>
  );
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const notAfterToday = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

type TValues = {
  kind: 'consultation' | 'roundTable';
  heldOn: Dayjs;
  bodies: string;
  topic?: string;
  agreed?: string;
  actionDueOn?: Dayjs;
  minutes?: string;
};

function AddModal({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form) ?? 'consultation';
  return (
    <FormModal
      title="登记诉前磋商或圆桌会议"
      open
      form={form}
      onClose={onClose}
      mutation={useAddConsultation(caseId)}
      initialValues={{ kind: 'consultation' }}
      toBody={(v: TValues) => ({
        kind: v.kind,
        heldOn: day(v.heldOn),
        bodies: lines(v.bodies),
        topic: v.topic || undefined,
        ...(v.kind === 'consultation'
          ? { agreed: v.agreed, actionDueOn: v.actionDueOn ? day(v.actionDueOn) : undefined }
          : { minutes: v.minutes }),
      })}
      done="已登记"
      testId="consultation"
    >
      <Form.Item label="类型" name="kind">
        <Radio.Group
          options={Object.entries(pilConsultationKinds).map(([value, label]) => ({ value, label }))}
          data-testid="consultation-kind"
        />
      </Form.Item>
      <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={notAfterToday} data-testid="consultation-held-on" />
      </Form.Item>
      <Form.Item
        label="参加单位（每行一个）"
        name="bodies"
        rules={[{ required: true, message: '请填写参加单位' }]}
      >
        <Input.TextArea rows={3} data-testid="consultation-bodies" />
      </Form.Item>
      <Form.Item label="议题" name="topic">
        <Input
          data-testid="consultation-topic"
          placeholder={kind === 'roundTable' ? '如：欠缴税款追缴' : undefined}
        />
      </Form.Item>
      {kind === 'consultation' ? (
        <>
          <Form.Item
            label="达成的意见（行政机关同意采取的措施）"
            name="agreed"
            rules={[{ required: true, message: '请填写达成的意见' }]}
          >
            <Input.TextArea rows={4} data-testid="consultation-agreed" />
          </Form.Item>
          <Form.Item
            label="整改期限"
            name="actionDueOn"
            rules={[{ required: true, message: '请选择整改期限' }]}
          >
            <DatePicker data-testid="consultation-due" />
          </Form.Item>
        </>
      ) : (
        <Form.Item label="会议纪要" name="minutes" rules={[{ required: true, message: '请填写会议纪要' }]}>
          <Input.TextArea rows={6} data-testid="consultation-minutes" />
        </Form.Item>
      )}
    </FormModal>
  );
}

function CheckModal({ caseId, row, onClose }: { caseId: number; row: TConsultation; onClose: () => void }) {
  return (
    <FormModal
      title="跟进核查整改情况"
      open
      onClose={onClose}
      mutation={useRecordCheck(caseId, row.id)}
      toBody={(v: { checkedOn: Dayjs; result: keyof typeof pilCheckResults; note?: string }) => ({
        checkedOn: day(v.checkedOn),
        result: v.result,
        note: v.note || undefined,
      })}
      done="已记录核查结果"
      testId="consultation-check"
    >
      <Form.Item label="核查日期" name="checkedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item label="核查结果" name="result" rules={[{ required: true, message: '请选择核查结果' }]}>
        <Select
          options={Object.entries(pilCheckResults).map(([value, label]) => ({ value, label }))}
          data-testid="consultation-check-result"
        />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

const stateTag = (row: TConsultation) => {
  if (row.kind !== 'consultation') return null;
  if (row.actionState === 'checked') return <Tag color="green">已核查：{row.checkResultLabel}</Tag>;
  if (row.actionState === 'overdue') return <Tag color="red">已逾期，待核查</Tag>;
  return <Tag color="blue">整改中</Tag>;
};

/** 诉前磋商 and 圆桌会议 on a public-interest case: what was agreed, by when, and the follow-up check. */
export function CaseConsultations({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const query = useConsultations(caseId);
  const [adding, setAdding] = useState(false);
  const [checking, setChecking] = useState<TConsultation | null>(null);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  return (
    <Card
      title="诉前磋商与圆桌会议"
      loading={query.isPending}
      data-testid="case-consultations"
      extra={
        <Space>
          <AgreementCitation caseId={caseId} mayEdit={mayEdit} />
          {mayEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-consultation"
            >
              登记磋商或圆桌会议
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="small"
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 90 },
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '参加单位', dataIndex: 'bodies', width: 220, render: (b: string[]) => b.join('、') },
          {
            title: '内容',
            render: (_: unknown, r: TConsultation) => (
              <>
                {r.topic && <div>议题：{r.topic}</div>}
                {r.agreed && <div>达成意见：{r.agreed}</div>}
                {r.minutes && <div>纪要：{r.minutes}</div>}
                {r.checkNote && <div>核查说明：{r.checkNote}</div>}
                {r.kind === 'consultation' && (
                  <ConsultationOrganisations consultationId={r.id} mayEdit={mayEdit} />
                )}
              </>
            ),
          },
          { title: '整改期限', dataIndex: 'actionDueOn', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '跟进',
            width: 190,
            render: (_: unknown, r: TConsultation) => (
              <Space direction="vertical" size={4}>
                {stateTag(r)}
                {r.checkedOn && <span>核查于 {r.checkedOn}</span>}
                {mayEdit && r.kind === 'consultation' && (
                  <Button
                    size="small"
                    onClick={() => setChecking(r)}
                    data-testid={`check-consultation-${r.id}`}
                  >
                    {r.checkedOn ? '重新核查' : '记录核查'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
        dataSource={query.data?.consultations}
        pagination={false}
        locale={{ emptyText: '尚未磋商或召开圆桌会议' }}
        data-testid="consultations-table"
      />
      {adding && <AddModal caseId={caseId} onClose={() => setAdding(false)} />}
      {checking && <CheckModal caseId={caseId} row={checking} onClose={() => setChecking(null)} />}
    </Card>
  );
}
