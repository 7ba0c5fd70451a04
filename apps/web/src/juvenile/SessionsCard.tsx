import { CalendarOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { oneStopFunctions, oneStopRooms } from '@procura/domain/juvenile/one-stop';
import type { TBookSessionBody, TJuvenileCaseDetail } from '@procura/server/juvenile/schema';
import { Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { chinaInstant, formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TDecisionBody, type TInquiryRequestBody, useJuvenileMutation } from './api.ts';

type TRequest = TJuvenileCaseDetail['inquiryRequests'][number];
type TSessionRow = TJuvenileCaseDetail['sessions'][number];
type TBookValues = Omit<TBookSessionBody, 'startsAt' | 'endsAt' | 'attendees'> & {
  range: [Dayjs, Dayjs];
  attendees: string;
};

const roomOptions = Object.entries(oneStopRooms).map(([value, label]) => ({ value, label }));
const functionOptions = Object.entries(oneStopFunctions).map(([value, label]) => ({ value, label }));

function DecideButtons({ request }: { request: TRequest }) {
  const decide = useJuvenileMutation<TDecisionBody>(`/api/juvenile/inquiry-requests/${request.id}/decision`);
  const [refusing, setRefusing] = useState(false);
  return (
    <Space>
      <Popconfirm title="批准再次询问？" onConfirm={() => decide.mutate({ approve: true, note: '同意' })}>
        <Button size="small" type="primary" data-testid="inquiry-approve">
          批准
        </Button>
      </Popconfirm>
      <Button size="small" danger onClick={() => setRefusing(true)}>
        不予批准
      </Button>
      <FormModal<{ note: string }, TDecisionBody>
        title="不予批准再次询问"
        open={refusing}
        onClose={() => setRefusing(false)}
        mutation={decide}
        toBody={(v) => ({ approve: false, note: v.note })}
        done="已不予批准"
        testId="inquiry-refuse"
      >
        <Form.Item label="理由" name="note" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** The one-stop centre on a victim case: bookings, inquiry counts and further-inquiry requests. */
export function SessionsCard({
  detail,
  canWrite,
  canApprove,
}: {
  detail: TJuvenileCaseDetail;
  canWrite: boolean;
  canApprove: boolean;
}) {
  const [booking, setBooking] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const book = useJuvenileMutation<TBookSessionBody>(`/api/juvenile/cases/${detail.id}/sessions`);
  const request = useJuvenileMutation<TInquiryRequestBody>(
    `/api/juvenile/cases/${detail.id}/inquiry-requests`,
  );
  const victims = detail.minors
    .filter((m) => m.role === 'victim')
    .map((m) => ({ value: m.id, label: m.name }));
  const sessionColumns = [
    {
      title: '时间',
      key: 'time',
      width: 230,
      render: (_: unknown, s: TSessionRow) =>
        `${formatDateTime(s.startsAt)} – ${formatDateTime(s.endsAt).slice(11)}`,
    },
    { title: '房间', dataIndex: 'roomLabel', width: 190 },
    { title: '被害人', dataIndex: 'minorName', width: 90 },
    {
      title: '功能',
      key: 'functions',
      render: (_: unknown, s: TSessionRow) => s.functionLabels.map((f) => <Tag key={f}>{f}</Tag>),
    },
    {
      title: '询问',
      dataIndex: 'inquiryNumber',
      width: 90,
      render: (n: number | null) => (n ? `第 ${n} 次` : '—'),
    },
    { title: '参加人员', key: 'attendees', render: (_: unknown, s: TSessionRow) => s.attendees.join('、') },
    {
      title: '状态',
      dataIndex: 'cancelled',
      width: 80,
      render: (c: boolean) => (c ? <Tag>已取消</Tag> : <Tag color="blue">有效</Tag>),
    },
  ];
  const requestColumns = [
    { title: '被害人', dataIndex: 'minorName', width: 90 },
    { title: '理由', dataIndex: 'reason' },
    { title: '申请人', dataIndex: 'requestedBy', width: 130 },
    { title: '申请时间', dataIndex: 'requestedAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: '审批',
      key: 'state',
      width: 220,
      render: (_: unknown, r: TRequest) =>
        r.state === 'pending' && canApprove ? (
          <DecideButtons request={r} />
        ) : (
          <span data-testid="inquiry-request-state">
            {r.stateLabel}
            {r.decidedBy ? `（${r.decidedBy}）` : ''}
            {r.decisionNote ? `：${r.decisionNote}` : ''}
          </span>
        ),
    },
  ];
  return (
    <Card
      title="一站式办案场所（询问、身体检查、心理疏导、取证鉴定、救助庇护）"
      size="small"
      extra={
        canWrite && (
          <Space>
            <Button
              icon={<QuestionCircleOutlined />}
              onClick={() => setRequesting(true)}
              data-testid="inquiry-request"
            >
              申请再次询问
            </Button>
            <Button
              type="primary"
              icon={<CalendarOutlined />}
              onClick={() => setBooking(true)}
              data-testid="session-book"
            >
              预约
            </Button>
          </Space>
        )
      }
    >
      <Flex vertical gap={16}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          columns={sessionColumns}
          dataSource={detail.sessions}
          locale={{ emptyText: '尚无预约' }}
        />
        {detail.inquiryRequests.length > 0 && (
          <Table
            rowKey="id"
            size="small"
            title={() => '再次询问申请（须部门负责人批准）'}
            pagination={false}
            columns={requestColumns}
            dataSource={detail.inquiryRequests}
            data-testid="inquiry-requests"
          />
        )}
      </Flex>
      <FormModal<TBookValues, TBookSessionBody>
        title="预约一站式办案场所"
        open={booking}
        onClose={() => setBooking(false)}
        mutation={book}
        toBody={(v) => ({
          minorId: v.minorId,
          room: v.room,
          functions: v.functions,
          note: v.note,
          startsAt: chinaInstant(v.range[0]),
          endsAt: chinaInstant(v.range[1]),
          attendees: v.attendees
            .split(/[、,，\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        })}
        done="已预约"
        testId="session-form"
        initialValues={{ minorId: victims[0]?.value, room: 'inquiryRoom', functions: ['inquiry'] }}
      >
        <Form.Item label="被害人" name="minorId" rules={[{ required: true, message: '请先登记被害人' }]}>
          <Select options={victims} />
        </Form.Item>
        <Form.Item label="房间" name="room" rules={[{ required: true }]}>
          <Select options={roomOptions} data-testid="session-form-room" />
        </Form.Item>
        <Form.Item label="功能" name="functions" rules={[{ required: true, message: '至少选择一项功能' }]}>
          <Select mode="multiple" options={functionOptions} />
        </Form.Item>
        <Form.Item label="时间" name="range" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="session-form-range"
          />
        </Form.Item>
        <Form.Item
          label="参加人员"
          name="attendees"
          extra="多人用顿号分隔"
          rules={[{ required: true, message: '请填写参加人员' }]}
        >
          <Input data-testid="session-form-attendees" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal<TInquiryRequestBody, TInquiryRequestBody>
        title="申请再次询问未成年被害人"
        open={requesting}
        onClose={() => setRequesting(false)}
        mutation={request}
        toBody={(v) => v}
        done="已提交申请，等待部门负责人审批"
        testId="inquiry-form"
        initialValues={{ minorId: victims[0]?.value }}
      >
        <Form.Item label="被害人" name="minorId" rules={[{ required: true }]}>
          <Select options={victims} />
        </Form.Item>
        <Form.Item
          label="再次询问的理由"
          name="reason"
          extra="依照《未成年人保护法》第一百一十二条，询问未成年被害人应尽量一次完成"
          rules={[{ required: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} data-testid="inquiry-form-reason" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
