import { formatYuan } from '@procura/domain/clean/amount';
import type { TSummary } from '@procura/server/judicial-aid/schema';
import { Alert, Card, DatePicker, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { useJudicialAidSummary } from './api.ts';

type TRow = Omit<TSummary['lines'][number], 'line'> & { line: string };

/**
 * 司法救助统计: per line of work and period, applications, grants, people helped and money paid,
 * over the cases the user reaches. Each assistance is counted once; the total counts a person
 * helped by two lines once.
 */
export default function SummaryPage() {
  const today = chinaToday();
  const [period, setPeriod] = useState({
    from: today.startOf('year').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  });
  const summary = useJudicialAidSummary(period);
  const data = summary.data;
  const rows: TRow[] = data
    ? [...data.lines, { line: 'total', lineLabel: '合计（同一人只计一次）', ...data.total }]
    : [];
  const columns: TableColumnsType<TRow> = [
    { title: '业务条线', dataIndex: 'lineLabel' },
    { title: '受理申请（件）', dataIndex: 'applications', align: 'right', width: 140 },
    { title: '批准救助（件）', dataIndex: 'granted', align: 'right', width: 140 },
    { title: '救助人数（人）', dataIndex: 'people', align: 'right', width: 140 },
    {
      title: '发放金额（元）',
      dataIndex: 'paidFen',
      align: 'right',
      width: 180,
      render: (fen: number) => formatYuan(fen),
    },
  ];
  return (
    <Card
      title="司法救助统计"
      extra={
        <Space>
          期间
          <DatePicker.RangePicker
            allowClear={false}
            defaultValue={[today.startOf('year'), today]}
            onChange={(dates) => {
              if (dates?.[0] && dates[1])
                setPeriod({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') });
            }}
            data-testid="aid-summary-period"
          />
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          按案件所属业务条线统计本人可查看的案件：受理以申请日期、批准以决定日期、救助人数和金额以发放日期计入期间。
        </Typography.Text>
        {summary.isError && <Alert type="error" showIcon title={errorText(summary.error)} />}
        <Table<TRow>
          rowKey="line"
          size="small"
          loading={summary.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: '所选期间没有司法救助' }}
          data-testid="aid-summary"
        />
      </Space>
    </Card>
  );
}
