import { PlusOutlined } from '@ant-design/icons';
import { cooperationMechanisms } from '@procura/domain/pil-mechanisms';
import type { TAgreement } from '@procura/server/consultations/agreement-schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../api/errors.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { useMe } from '../auth/hooks.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useAddAgreementMeeting, useAgreements, useCreateAgreement } from './api.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const notAfterToday = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

type TValues = {
  title: string;
  bodies: string;
  mechanisms: (keyof typeof cooperationMechanisms)[];
  signedOn: Dayjs;
  meetingEveryMonths?: number;
  firstMeetingOn?: Dayjs;
  note?: string;
};

function CreateModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal
      title="登记会签文件"
      open
      onClose={onClose}
      mutation={useCreateAgreement()}
      toBody={(v: TValues) => ({
        title: v.title,
        bodies: lines(v.bodies),
        mechanisms: v.mechanisms,
        signedOn: day(v.signedOn),
        meetingEveryMonths: v.meetingEveryMonths ?? undefined,
        firstMeetingOn: v.firstMeetingOn ? day(v.firstMeetingOn) : undefined,
        note: v.note || undefined,
      })}
      done="已登记会签文件"
      testId="agreement"
    >
      <Form.Item label="文件名称" name="title" rules={[{ required: true, message: '请填写文件名称' }]}>
        <Input data-testid="agreement-title" />
      </Form.Item>
      <Form.Item
        label="会签单位（每行一个）"
        name="bodies"
        rules={[{ required: true, message: '请填写会签单位' }]}
      >
        <Input.TextArea rows={4} data-testid="agreement-bodies" />
      </Form.Item>
      <Form.Item label="协作机制" name="mechanisms" rules={[{ required: true, message: '请选择协作机制' }]}>
        <Select
          mode="multiple"
          options={Object.entries(cooperationMechanisms).map(([value, label]) => ({ value, label }))}
          data-testid="agreement-mechanisms"
        />
      </Form.Item>
      <Form.Item label="签署日期" name="signedOn" rules={[{ required: true, message: '请选择签署日期' }]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Space>
        <Form.Item label="联席会议周期（月）" name="meetingEveryMonths">
          <InputNumber min={1} max={24} data-testid="agreement-interval" />
        </Form.Item>
        <Form.Item label="首次联席会议日期" name="firstMeetingOn">
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function MeetingModal({ agreement, onClose }: { agreement: TAgreement; onClose: () => void }) {
  return (
    <FormModal
      title={`登记联席会议：${agreement.title}`}
      open
      onClose={onClose}
      mutation={useAddAgreementMeeting(agreement.id)}
      toBody={(v: { heldOn: Dayjs; minutes: string }) => ({ heldOn: day(v.heldOn), minutes: v.minutes })}
      done="已登记联席会议"
      testId="agreement-meeting"
    >
      <Form.Item label="会议日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item label="会议纪要" name="minutes" rules={[{ required: true, message: '请填写会议纪要' }]}>
        <Input.TextArea rows={5} data-testid="agreement-meeting-minutes" />
      </Form.Item>
    </FormModal>
  );
}

/** An agreement's text and annexes, and the cases and clues that cite it. */
function AgreementDetail({ agreement, mayEdit }: { agreement: TAgreement; mayEdit: boolean }) {
  return (
    <Flex vertical gap={8} data-testid={`agreement-detail-${agreement.id}`}>
      <div>
        <b>正文及附件：</b>
        <Attachments
          basePath={`/api/cooperation-agreements/${agreement.id}/attachments`}
          files={agreement.attachments}
          canUpload={mayEdit}
          refresh={[['cooperation-agreements']]}
          testId={`agreement-attachments-${agreement.id}`}
        />
      </div>
      <div data-testid={`agreement-citations-${agreement.id}`}>
        <b>依据本文件的案件：</b>
        {agreement.citingCases.length === 0
          ? '无'
          : agreement.citingCases.map((c) => (
              <Link key={c.id} to={`/cases/${c.id}`} style={{ marginRight: 8 }}>
                {c.caseNumber}「{c.title}」
              </Link>
            ))}
        <b style={{ marginLeft: 16 }}>依据本文件的线索：</b>
        {agreement.citingClues.length === 0
          ? '无'
          : agreement.citingClues.map((c) => (
              <Link key={c.id} to={`/clues/${c.id}`} style={{ marginRight: 8 }}>
                线索「{c.title}」
              </Link>
            ))}
        {agreement.unlistedCitations > 0 && (
          <span style={{ marginLeft: 16 }}>另有 {agreement.unlistedCitations} 件不在您的查阅范围内</span>
        )}
      </div>
    </Flex>
  );
}

/** 会签文件: the department's cooperation agreements and their joint meetings. */
export default function AgreementsPage() {
  const me = useMe();
  const mayEdit = me.actions.includes('case.update');
  const query = useAgreements();
  const [creating, setCreating] = useState(false);
  const [meetingFor, setMeetingFor] = useState<TAgreement | null>(null);
  return (
    <Flex vertical gap={16}>
      <Card
        title="会签文件与协作机制"
        loading={query.isPending}
        extra={
          mayEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-agreement">
              登记会签文件
            </Button>
          )
        }
      >
        {query.isError && <Alert type="error" showIcon title={errorText(query.error)} />}
        <Table<TAgreement>
          rowKey="id"
          size="small"
          columns={[
            { title: '文件名称', dataIndex: 'title', width: 240 },
            { title: '会签单位', dataIndex: 'bodies', width: 260, render: (b: string[]) => b.join('、') },
            {
              title: '协作机制',
              dataIndex: 'mechanismLabels',
              width: 220,
              render: (m: string[]) => m.map((label) => <Tag key={label}>{label}</Tag>),
            },
            { title: '签署日期', dataIndex: 'signedOn', width: 110 },
            {
              title: '下次联席会议',
              width: 170,
              render: (_: unknown, a: TAgreement) =>
                a.nextMeetingOn ? (
                  <Space direction="vertical" size={2}>
                    <span>{a.nextMeetingOn}</span>
                    {a.meetingOverdue && <Tag color="red">已过期，尚未召开</Tag>}
                    <span>每 {a.meetingEveryMonths} 个月</span>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: '已开会议',
              width: 90,
              render: (_: unknown, a: TAgreement) => `${a.meetings.length} 次`,
            },
            { title: '引用案件', width: 90, render: (_: unknown, a: TAgreement) => `${a.caseIds.length} 件` },
            { title: '引用线索', width: 90, render: (_: unknown, a: TAgreement) => `${a.clueIds.length} 件` },
            {
              title: '附件',
              width: 70,
              render: (_: unknown, a: TAgreement) => `${a.attachments.length} 个`,
            },
            {
              title: '操作',
              width: 120,
              render: (_: unknown, a: TAgreement) =>
                mayEdit && (
                  <Button
                    size="small"
                    onClick={() => setMeetingFor(a)}
                    data-testid={`agreement-meeting-${a.id}`}
                  >
                    登记联席会议
                  </Button>
                ),
            },
          ]}
          dataSource={query.data?.items}
          pagination={false}
          expandable={{
            expandedRowRender: (a) => <AgreementDetail agreement={a} mayEdit={mayEdit} />,
            expandRowByClick: false,
          }}
          locale={{ emptyText: '尚未登记会签文件' }}
          data-testid="agreements-table"
        />
      </Card>
      {creating && <CreateModal onClose={() => setCreating(false)} />}
      {meetingFor && <MeetingModal agreement={meetingFor} onClose={() => setMeetingFor(null)} />}
    </Flex>
  );
}
