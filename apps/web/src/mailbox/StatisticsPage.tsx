import type { TLetterStatistics } from '@procura/server/mailbox/schema';
import { Card, DatePicker, Empty, Space, Table, type TableColumnsType } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useLetterStatistics } from './api.ts';

// Only the parts used: the whole of ECharts would be one 2 MB chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type TRow = TLetterStatistics['schools'][number];

function TopicChart({ data }: { data: TLetterStatistics }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const schools = data.schools.filter((s) => s.total > 0);
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: schools.map((s) => s.name) },
      series: data.topics.map((topic) => ({
        name: topic.label,
        type: 'bar',
        stack: 'letters',
        emphasis: { focus: 'series' },
        barMaxWidth: 36,
        data: schools.map((s) => s.byTopic[topic.id] ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);
  const rows = data.schools.filter((s) => s.total > 0).length;
  return (
    <div
      ref={element}
      style={{ width: '100%', height: Math.max(220, 80 + rows * 48) }}
      data-testid="topic-chart"
    />
  );
}

/** 各校来信主题: what students write about, school by school, so prevention work targets it. */
export default function StatisticsPage() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const stats = useLetterStatistics(range);
  const data = stats.data;
  const columns: TableColumnsType<TRow> = [
    { title: '学校', dataIndex: 'name', fixed: 'left' },
    { title: '来信', dataIndex: 'total', width: 70 },
    { title: '紧急', dataIndex: 'urgent', width: 70 },
    ...(data?.topics ?? []).map((topic) => ({
      title: topic.label,
      key: topic.id,
      width: 100,
      render: (_: unknown, row: TRow) => row.byTopic[topic.id] ?? 0,
    })),
  ];
  return (
    <Card
      title="校园信箱：各校来信主题"
      extra={
        <Space>
          收信日期
          <DatePicker.RangePicker
            onChange={(dates) =>
              setRange(
                dates?.[0] && dates[1]
                  ? { from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') }
                  : {},
              )
            }
          />
        </Space>
      }
    >
      {data?.schools.some((s) => s.total > 0) ? (
        <TopicChart data={data} />
      ) : (
        <Empty description="所选期间没有来信" />
      )}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.schools}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 16 }}
      />
    </Card>
  );
}
