import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { disputeEntryStages, type TDisputeMeans } from '@procura/domain/hearings';
import type { TDispute } from '@procura/server/hearings/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
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
import {
  lines,
  meansOptions,
  outcomeOptions,
  parsePeople,
  peopleText,
  useAddMeeting,
  useDispute,
  useDisputeStatistics,
  useRecordDisputeOutcome,
  useUpdateDispute,
} from './api.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

type TDisputeValues = {
  referredBy: string;
  referredOn?: Dayjs;
  parties?: string;
  administrativeOrgan: string;
  administrativeAct: string;
  disputeFocus: string;
  means?: TDisputeMeans[];
};

function DisputeModal({
  caseId,
  dispute,
  onClose,
}: {
  caseId: number;
  dispute: TDispute;
  onClose: () => void;
}) {
  const stage = dispute.entryStage;
  return (
    <FormModal
      title="争议情况和化解方式"
      open
      onClose={onClose}
      mutation={useUpdateDispute(caseId)}
      toBody={(v: TDisputeValues) => ({
        referredBy: v.referredBy,
        ...(v.referredOn ? { referredOn: day(v.referredOn) } : {}),
        parties: parsePeople(v.parties),
        administrativeOrgan: v.administrativeOrgan,
        administrativeAct: v.administrativeAct,
        disputeFocus: v.disputeFocus,
        means: v.means ?? [],
      })}
      initialValues={{
        referredBy: dispute.referredBy ?? '',
        ...(dispute.referredOn ? { referredOn: dayjs(dispute.referredOn) } : {}),
        parties: peopleText(dispute.parties),
        administrativeOrgan: dispute.administrativeOrgan ?? '',
        administrativeAct: dispute.administrativeAct ?? '',
        disputeFocus: dispute.disputeFocus ?? '',
        means: dispute.means.map((m) => m.id),
      }}
      done="已保存"
      testId="dispute"
      width={720}
    >
      {stage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`介入阶段：${disputeEntryStages[stage]}`}
        />
      )}
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item
          label={
            stage === 'postLitigation'
              ? '监督申请人'
              : stage === 'inLitigation'
                ? '邀请法院'
                : '邀请机关（司法行政机关）'
          }
          name="referredBy"
          rules={[{ required: true, message: '请填写' }]}
          style={{ minWidth: 360 }}
        >
          <Input maxLength={200} data-testid="dispute-referred-by" />
        </Form.Item>
        <Form.Item label="受邀（受理）日期" name="referredOn">
          <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
        </Form.Item>
      </Space>
      <Form.Item
        label="当事人"
        name="parties"
        extra="每行一人：身份：姓名，如“当事人：张某某”“行政机关：某局”"
      >
        <Input.TextArea rows={3} data-testid="dispute-parties" />
      </Form.Item>
      <Form.Item
        label="行政机关"
        name="administrativeOrgan"
        rules={[{ required: true, message: '请填写行政机关' }]}
      >
        <Input maxLength={200} data-testid="dispute-organ" />
      </Form.Item>
      <Form.Item
        label="行政行为"
        name="administrativeAct"
        rules={[{ required: true, message: '请填写行政行为' }]}
      >
        <Input maxLength={1000} data-testid="dispute-act" />
      </Form.Item>
      <Form.Item label="争议焦点" name="disputeFocus" rules={[{ required: true, message: '请填写争议焦点' }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="dispute-focus" />
      </Form.Item>
      <Form.Item label="化解方式" name="means">
        <Select mode="multiple" options={meansOptions} data-testid="dispute-means" />
      </Form.Item>
    </FormModal>
  );
}

function MeetingModal({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  return (
    <FormModal
      title="登记会商"
      open
      onClose={onClose}
      mutation={useAddMeeting(caseId)}
      toBody={(v: { heldOn: Dayjs; bodies: string; minutes: string }) => ({
        heldOn: day(v.heldOn),
        bodies: lines(v.bodies),
        minutes: v.minutes,
      })}
      done="已登记会商"
      testId="meeting"
    >
      <Form.Item label="会商日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
      </Form.Item>
      <Form.Item
        label="参会单位（每行一个）"
        name="bodies"
        rules={[{ required: true, message: '请填写参会单位' }]}
      >
        <Input.TextArea rows={3} data-testid="meeting-bodies" />
      </Form.Item>
      <Form.Item label="会商纪要" name="minutes" rules={[{ required: true, message: '请填写纪要' }]}>
        <Input.TextArea rows={5} data-testid="meeting-minutes" />
      </Form.Item>
    </FormModal>
  );
}

function OutcomeModal({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  return (
    <FormModal
      title="记录化解结果"
      open
      onClose={onClose}
      mutation={useRecordDisputeOutcome(caseId)}
      toBody={(v: { outcome: TDispute['outcome'] & string; outcomeOn: Dayjs; note?: string }) => ({
        outcome: v.outcome,
        outcomeOn: day(v.outcomeOn),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      })}
      done="已记录化解结果"
      testId="dispute-outcome"
      width={520}
    >
      <Form.Item label="结果" name="outcome" rules={[{ required: true, message: '请选择结果' }]}>
        <Select options={outcomeOptions} data-testid="dispute-outcome-select" />
      </Form.Item>
      <Form.Item label="日期" name="outcomeOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="dispute-outcome-on" />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 化解 in the last three years, in the cases the user reaches. */
function ResolvedCount() {
  const statistics = useDisputeStatistics();
  if (!statistics.data) return null;
  const s = statistics.data;
  return (
    <span data-testid="disputes-resolved-count">
      近三年化解 {s.resolved} 起（{s.byEntryStage.map((e) => `${e.label} ${e.resolved}`).join('、')}）
    </span>
  );
}

/** 行政争议实质性化解 of a 行化立 case: the dispute, the 会商, the means and the outcome. */
export function AdminDispute({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const query = useDispute(caseId);
  const [dialog, setDialog] = useState<'dispute' | 'meeting' | 'outcome' | null>(null);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const d = query.data;
  return (
    <Card
      title="行政争议实质性化解"
      loading={query.isPending}
      data-testid="admin-dispute"
      extra={
        <Space>
          <ResolvedCount />
          {mayEdit && d && (
            <>
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog('dispute')}
                data-testid="edit-dispute"
              >
                争议情况
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={!d.recorded}
                onClick={() => setDialog('meeting')}
                data-testid="add-meeting"
              >
                登记会商
              </Button>
              <Button
                size="small"
                disabled={!d.recorded}
                onClick={() => setDialog('outcome')}
                data-testid="record-dispute-outcome"
              >
                记录化解结果
              </Button>
            </>
          )}
        </Space>
      }
    >
      {d && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'stage', label: '介入阶段', children: d.entryStageLabel ?? '未填写' },
              {
                key: 'referred',
                label: '邀请（移送）',
                children: d.referredBy
                  ? `${d.referredBy}${d.referredOn ? `（${d.referredOn}）` : ''}`
                  : '未填写',
              },
              {
                key: 'parties',
                label: '当事人',
                children: d.parties.map((p) => `${p.roleLabel}：${p.name}`).join('；') || '未填写',
              },
              { key: 'organ', label: '行政机关', children: d.administrativeOrgan ?? '未填写' },
              { key: 'act', label: '行政行为', children: d.administrativeAct ?? '未填写', span: 'filled' },
              { key: 'focus', label: '争议焦点', children: d.disputeFocus ?? '未填写', span: 'filled' },
              {
                key: 'means',
                label: '化解方式',
                span: 'filled',
                children: (
                  <span data-testid="dispute-means-list">
                    {d.means.length === 0
                      ? '未填写'
                      : d.means.map((m) => (
                          <Tag key={m.id}>
                            {m.label}
                            {m.id === 'publicHearing' && d.hearings.length > 0
                              ? `（${d.hearings.map((h) => h.heldOn).join('、')} 听证，见下方“公开听证”）`
                              : ''}
                          </Tag>
                        ))}
                  </span>
                ),
              },
              {
                key: 'outcome',
                label: '化解结果',
                span: 'filled',
                children: d.outcome ? (
                  <span data-testid="dispute-outcome">
                    <Tag color={d.resolved ? 'green' : 'default'}>{d.outcomeLabel}</Tag>
                    {d.outcomeOn}
                    {d.outcomeNote ? `，${d.outcomeNote}` : ''}
                  </span>
                ) : (
                  <span data-testid="dispute-outcome">尚未化解</span>
                ),
              },
            ]}
          />
          {d.namesMasked && <Alert type="info" showIcon title="非本案承办部门，当事人姓名已隐去" />}
          <Table
            rowKey="id"
            size="small"
            title={() => '会商'}
            columns={[
              { title: '日期', dataIndex: 'heldOn', width: 110 },
              { title: '参会单位', dataIndex: 'bodies', width: 260, render: (b: string[]) => b.join('、') },
              { title: '纪要', dataIndex: 'minutes' },
            ]}
            dataSource={d.meetings}
            pagination={false}
            locale={{ emptyText: '尚未会商' }}
            data-testid="dispute-meetings"
          />
        </Flex>
      )}
      {d && dialog === 'dispute' && (
        <DisputeModal caseId={caseId} dispute={d} onClose={() => setDialog(null)} />
      )}
      {dialog === 'meeting' && <MeetingModal caseId={caseId} onClose={() => setDialog(null)} />}
      {dialog === 'outcome' && <OutcomeModal caseId={caseId} onClose={() => setDialog(null)} />}
    </Card>
  );
}
