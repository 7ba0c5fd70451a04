import type { TSession } from '@procura/server/juvenile/schema';
import { Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { chinaToday, formatClock, formatDate } from '../shared/dates.ts';
import { useSessions } from './api.ts';

const columns = [
  {
    title: '日期',
    key: 'day',
    width: 110,
    render: (_: unknown, s: TSession) => formatDate(s.startsAt),
  },
  {
    title: '时间',
    key: 'time',
    width: 120,
    render: (_: unknown, s: TSession) => `${formatClock(s.startsAt)}–${formatClock(s.endsAt)}`,
  },
  { title: '房间', dataIndex: 'roomLabel', width: 190 },
  {
    title: '案件',
    key: 'case',
    width: 200,
    render: (_: unknown, s: TSession) => <Link to={`/juvenile/cases/${s.caseId}`}>{s.caseNumber}</Link>,
  },
  { title: '被害人', dataIndex: 'minorName', width: 90 },
  {
    title: '功能',
    key: 'f',
    render: (_: unknown, s: TSession) => s.functionLabels.map((f) => <Tag key={f}>{f}</Tag>),
  },
  {
    title: '询问',
    dataIndex: 'inquiryNumber',
    width: 90,
    render: (n: number | null) => (n ? `第 ${n} 次` : '—'),
  },
  { title: '参加人员', key: 'a', render: (_: unknown, s: TSession) => s.attendees.join('、') },
];

/** 一站式办案场所日程: who uses which room when; booking happens on the case page. */
export default function CentrePage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    chinaToday().startOf('week'),
    chinaToday().add(4, 'week'),
  ]);
  const sessions = useSessions(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  return (
    <Card title="一站式办案场所日程" data-testid="centre">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          询问、身体检查、心理疏导、取证鉴定、救助庇护集中在一处完成，避免对未成年被害人造成二次伤害。同一房间同一时段不能重复预约；在案件页面预约。
        </Typography.Text>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          style={{ width: 320 }}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          loading={sessions.isLoading}
          dataSource={sessions.data ?? []}
          pagination={false}
          locale={{ emptyText: '该时段没有预约' }}
        />
      </Flex>
    </Card>
  );
}
