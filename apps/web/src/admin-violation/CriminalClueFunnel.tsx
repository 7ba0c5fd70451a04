import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, DatePicker, Flex, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { type TFunnelPeriod, useCriminalClueFunnel } from './api.ts';

/**
 * 刑检移送线索 → 立案: the clues the criminal departments transferred in the period and how many
 * became cases, for the user's department (the chief: every 民事行政 department). This year so far
 * unless a period is picked.
 */
export function CriminalClueFunnel() {
  const [period, setPeriod] = useState<TFunnelPeriod>({});
  const funnel = useCriminalClueFunnel(period);
  const data = funnel.data;
  return (
    <Card
      size="small"
      title="刑检移送线索办理情况"
      data-testid="criminal-clue-funnel"
      extra={
        <DatePicker.RangePicker
          size="small"
          allowEmpty={[true, true]}
          placeholder={['本年初', '今天']}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            setPeriod({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
          data-testid="criminal-clue-funnel-period"
        />
      }
      loading={funnel.isPending}
    >
      {funnel.isError && <Alert type="error" showIcon title={errorText(funnel.error)} />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Flex align="center" gap={24} wrap>
            <Statistic title="移送线索" value={data.transferred} suffix="条" />
            <ArrowRightOutlined style={{ fontSize: 20, color: '#999' }} />
            <Statistic title="立案" value={data.opened} suffix="件" />
            <Typography.Text strong data-testid="criminal-clue-funnel-summary">
              移送线索 {data.transferred} → 立案 {data.opened}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" data-testid="criminal-clue-funnel-detail">
            {data.from} 至 {data.to}：注明来源刑事案件 {data.withCriminalCase} 条，行政违法行为监督立案{' '}
            {data.adminViolationCases} 件，不立案 {data.declined} 条，待处置 {data.pending} 条
          </Typography.Text>
          {data.departments.length > 1 && (
            <Table
              size="small"
              rowKey={(row) => row.department.id}
              pagination={false}
              dataSource={data.departments}
              columns={[
                { title: '部门', render: (_, row) => row.department.name },
                { title: '移送线索', dataIndex: 'transferred', align: 'right' },
                { title: '立案', dataIndex: 'opened', align: 'right' },
                { title: '其中行违', dataIndex: 'adminViolationCases', align: 'right' },
                { title: '不立案', dataIndex: 'declined', align: 'right' },
                { title: '待处置', dataIndex: 'pending', align: 'right' },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
