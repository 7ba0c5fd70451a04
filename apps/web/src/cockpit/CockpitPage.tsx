import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import type { TBreakdown, TCockpit, TFigure } from '@procura/server/cockpit/schema';
import { Button, Card, Col, DatePicker, Dropdown, Empty, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiDownload } from '../api/client.ts';
import { chinaToday } from '../shared/dates.ts';
import type { TListLink, TPeriod } from './api.ts';
import { useCockpit } from './api.ts';
import { Chart } from './Chart.tsx';
import { FigureCard } from './FigureCard.tsx';
import { formatFigure } from './format.ts';
import { ListDrawer } from './ListDrawer.tsx';
import { describePeriod, periodFromRange, periodKinds, periodOf, type TPeriodKind } from './periods.ts';

type TOpen = { title: string; link: TListLink; hidden: number } | null;

const figureOf = (data: TCockpit, id: string) =>
  data.sections.flatMap((s) => s.figures).find((f) => f.metricId === id);
const sectionOf = (data: TCockpit, id: string) => data.sections.find((s) => s.id === id)?.figures ?? [];
const breakdownOf = (data: TCockpit, id: string) => data.breakdowns.find((b) => b.id === id);

const tooltipOf = (definition: string) => ({
  trigger: 'item',
  formatter: (p: { name: string; value: number; seriesName?: string }) =>
    `${p.seriesName ? `${p.seriesName}<br/>` : ''}${p.name}：${p.value}<br/><span style="color:#888;white-space:normal">口径：${definition}</span>`,
  extraCssText: 'max-width:360px;white-space:normal',
});

function Figures({ figures, onOpen }: { figures: TFigure[]; onOpen: (f: TFigure) => void }) {
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col key={figure.metricId} xs={24} sm={12} md={8} xl={4}>
          <FigureCard figure={figure} onOpen={onOpen} />
        </Col>
      ))}
    </Row>
  );
}

/** A funnel of figures (counts only); a click on a layer opens its list. */
function FunnelOf({
  figures,
  testId,
  onOpen,
}: {
  figures: TFigure[];
  testId: string;
  onOpen: (f: TFigure) => void;
}) {
  const shown = figures.filter((f) => f.value !== null && !f.money);
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const f = shown[p.dataIndex]!;
        return `${f.name}：${formatFigure(f.value, f)}（去年同期 ${formatFigure(f.previous, f)}）<br/><span style="color:#888">口径：${f.definition}</span>`;
      },
      extraCssText: 'max-width:360px;white-space:normal',
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '12%',
        left: '10%',
        width: '80%',
        label: {
          show: true,
          position: 'inside',
          formatter: (p: { name: string; value: number }) => `${p.name} ${p.value}`,
        },
        data: shown.map((f) => ({ name: f.name, value: f.value })),
      },
    ],
  };
  if (shown.length === 0) return <Empty description="无数据" />;
  return (
    <Chart
      option={option}
      height={300}
      testId={testId}
      onClick={({ dataIndex }) => {
        const f = shown[dataIndex];
        if (f) onOpen(f);
      }}
    />
  );
}

const caseDims = {
  casesByLine: '按条线',
  casesByDepartment: '按部门',
  casesByType: '按案件类型',
  casesByStage: '按阶段',
} as const;

/** Cases opened per month, stacked by line, department, type or stage; a click opens that bar's cases. */
function CasesPerMonth({ data, onOpen }: { data: TCockpit; onOpen: (o: TOpen) => void }) {
  const [dim, setDim] = useState<keyof typeof caseDims>('casesByDepartment');
  const breakdown = breakdownOf(data, dim)!;
  const months = [...new Set(breakdown.items.map((i) => i.month!))].sort();
  const keys = [...new Map(breakdown.items.map((i) => [i.key, i.label])).entries()];
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: keys.map(([key, label]) => ({
      name: label,
      type: 'bar',
      stack: 'cases',
      barMaxWidth: 48,
      data: months.map((m) => breakdown.items.find((i) => i.month === m && i.key === key)?.value ?? 0),
    })),
  };
  return (
    <Card
      size="small"
      title={
        <span>
          每月立案{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            口径：{breakdown.definition}
          </Typography.Text>
        </span>
      }
      extra={
        <Segmented
          size="small"
          value={dim}
          onChange={(v) => setDim(v as keyof typeof caseDims)}
          options={Object.entries(caseDims).map(([value, label]) => ({ value, label }))}
          data-testid="cases-dimension"
        />
      }
    >
      {breakdown.items.length === 0 ? (
        <Empty description="所选期间没有立案" />
      ) : (
        <Chart
          option={option}
          height={320}
          testId={`chart-${dim}`}
          onClick={({ seriesIndex, dataIndex }) => {
            const [key, label] = keys[seriesIndex]!;
            const item = breakdown.items.find((i) => i.month === months[dataIndex] && i.key === key);
            if (item?.list)
              onOpen({ title: `${item.month} ${label} 立案`, link: item.list, hidden: item.hidden });
          }}
        />
      )}
    </Card>
  );
}

/** A horizontal bar per item of a breakdown (PIL fields, letter topics). */
function BreakdownBars({ breakdown, onOpen }: { breakdown: TBreakdown; onOpen: (o: TOpen) => void }) {
  const items = breakdown.items.filter((i) => i.value > 0);
  const option = {
    tooltip: {
      ...tooltipOf(breakdown.definition),
      formatter: (p: { dataIndex: number }) => {
        const i = items[p.dataIndex]!;
        return `${i.label}：${i.value} ${breakdown.unit}（去年同期 ${i.previous}）<br/><span style="color:#888">口径：${breakdown.definition}</span>`;
      },
    },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.label) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: items.map((i) => i.value),
      },
    ],
  };
  if (items.length === 0) return <Empty description="所选期间没有数据" />;
  return (
    <Chart
      option={option}
      height={Math.max(160, 40 + items.length * 36)}
      testId={`chart-${breakdown.id}`}
      onClick={({ dataIndex }) => {
        const i = items[dataIndex];
        if (i?.list) onOpen({ title: `${breakdown.name}：${i.label}`, link: i.list, hidden: i.hidden });
      }}
    />
  );
}

const moneyLines = [
  { label: '公益诉讼', money: 'pilRecovered', people: 'pilPeople' },
  { label: '支持起诉', money: 'supportRecovered', people: 'supportPeople' },
  { label: '司法救助', money: 'aidPaid', people: 'aidPeople' },
  { label: '大数据模型', money: 'modelRecovered', people: 'modelPeople' },
] as const;

/** Money recovered (万元) and people helped per line of work, this period and last year's. */
function MoneyChart({
  data,
  kind,
  onOpen,
}: {
  data: TCockpit;
  kind: 'money' | 'people';
  onOpen: (f: TFigure) => void;
}) {
  const figures = moneyLines.map((l) => figureOf(data, l[kind])!);
  const scale = (v: number | null) => (v === null ? 0 : kind === 'money' ? Math.round(v / 100) / 10_000 : v);
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesName: string }) => {
        const f = figures[p.dataIndex]!;
        return `${f.name}<br/>本期 ${formatFigure(f.value, f)}，去年同期 ${formatFigure(f.previous, f)}<br/><span style="color:#888">口径：${f.definition}</span>`;
      },
      extraCssText: 'max-width:360px;white-space:normal',
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: moneyLines.map((l) => l.label) },
    yAxis: { type: 'value', name: kind === 'money' ? '万元' : '人' },
    series: [
      { name: '本期', type: 'bar', barMaxWidth: 36, data: figures.map((f) => scale(f.value)) },
      { name: '去年同期', type: 'bar', barMaxWidth: 36, data: figures.map((f) => scale(f.previous)) },
    ],
  };
  return (
    <Chart
      option={option}
      height={260}
      testId={`chart-${kind}`}
      onClick={({ dataIndex }) => {
        const f = figures[dataIndex];
        if (f) onOpen(f);
      }}
    />
  );
}

function DeadlinePie({ data }: { data: TCockpit }) {
  const met = figureOf(data, 'deadlinesMet')!;
  const overdue = figureOf(data, 'deadlinesOverdue')!;
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; percent: number }) => {
        const f = [met, overdue][p.dataIndex]!;
        return `${f.name}：${f.value} 个（${p.percent}%）<br/><span style="color:#888">口径：${f.definition}</span>`;
      },
      extraCssText: 'max-width:360px;white-space:normal',
    },
    legend: { bottom: 0 },
    color: ['#52c41a', '#f5222d'],
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b} {c}' },
        data: [
          { name: met.name, value: met.value ?? 0 },
          { name: overdue.name, value: overdue.value ?? 0 },
        ],
      },
    ],
  };
  if (!met.value && !overdue.value) return <Empty description="所选期间没有届满的期限" />;
  return <Chart option={option} height={260} testId="chart-deadlines" />;
}

/** 检察长驾驶舱: the period's figures with 同比, charts whose segments open the lists they count. */
export default function CockpitPage() {
  const today = chinaToday();
  const [kind, setKind] = useState<TPeriodKind>('year');
  const [custom, setCustom] = useState<TPeriod | null>(null);
  const period = kind === 'custom' && custom ? custom : periodOf(kind === 'custom' ? 'year' : kind, today);
  const cockpit = useCockpit(period);
  const [open, setOpen] = useState<TOpen>(null);
  const data = cockpit.data;
  const openFigure = (f: TFigure) => {
    if (f.list) setOpen({ title: f.name, link: f.list, hidden: f.hidden });
  };
  const download = (by: string) => apiDownload('/api/cockpit/statistics', { ...period, by });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`检察长驾驶舱${data ? ` · ${data.scope.label}` : ''}`}
        extra={
          <Space wrap>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as TPeriodKind)}
              options={Object.entries(periodKinds).map(([value, label]) => ({ value, label }))}
              data-testid="cockpit-period"
            />
            {kind === 'custom' ? (
              <span data-testid="cockpit-range">
                <DatePicker.RangePicker
                  onChange={(dates) =>
                    setCustom(dates?.[0] && dates[1] ? periodFromRange(dates[0], dates[1]) : null)
                  }
                />
              </span>
            ) : null}
            <Dropdown
              menu={{
                items: [
                  { key: 'department', label: '按部门' },
                  { key: 'line', label: '按业务条线' },
                  { key: 'handler', label: '按承办检察官' },
                ],
                onClick: ({ key }) => void download(key),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="cockpit-statistics">
                统计报表
              </Button>
            </Dropdown>
            <Link to="/cockpit/reports">
              <Button icon={<FileTextOutlined />} data-testid="cockpit-reports">
                工作报告
              </Button>
            </Link>
          </Space>
        }
      >
        <Typography.Text type="secondary" data-testid="cockpit-period-text">
          统计期间：{describePeriod(period)}；同比：与去年同期（
          {data ? describePeriod({ from: data.previousFrom, to: data.previousTo }) : '…'}）相比。 鼠标移到{' '}
          <Typography.Text type="secondary">ⓘ</Typography.Text> 或图形上查看口径，点击数字或图形打开对应列表。
        </Typography.Text>
      </Card>
      {!data ? (
        <Card loading />
      ) : (
        <>
          <Card title="办案流程：线索 → 立案 → 检察建议 → 回复 → 整改 → 起诉" size="small">
            <Figures figures={sectionOf(data, 'funnel')} onOpen={openFigure} />
            <FunnelOf figures={sectionOf(data, 'funnel')} testId="chart-funnel" onOpen={openFigure} />
          </Card>
          <CasesPerMonth data={data} onOpen={setOpen} />
          <Card title="办案成效：挽回金额与帮助群众（按业务条线）" size="small">
            <Figures figures={sectionOf(data, 'money')} onOpen={openFigure} />
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <MoneyChart data={data} kind="money" onOpen={openFigure} />
              </Col>
              <Col xs={24} lg={12}>
                <MoneyChart data={data} kind="people" onOpen={openFigure} />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title="期限：按期与逾期" size="small" style={{ height: '100%' }}>
                <DeadlinePie data={data} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title="公益诉讼立案（按领域）" size="small" style={{ height: '100%' }}>
                <BreakdownBars breakdown={breakdownOf(data, 'pilByField')!} onOpen={setOpen} />
              </Card>
            </Col>
          </Row>
          <Card title="大数据法律监督模型：让沉睡数据开口说话" size="small">
            <Figures figures={sectionOf(data, 'models')} onOpen={openFigure} />
            <FunnelOf figures={sectionOf(data, 'models')} testId="chart-models" onOpen={openFigure} />
          </Card>
          <Card title="未成年人检察" size="small">
            <Figures figures={sectionOf(data, 'juvenile')} onOpen={openFigure} />
            {breakdownOf(data, 'lettersByTopic') ? (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>校园信箱来信主题</Typography.Text>
                <BreakdownBars breakdown={breakdownOf(data, 'lettersByTopic')!} onOpen={setOpen} />
              </div>
            ) : null}
          </Card>
        </>
      )}
      <ListDrawer
        title={open?.title ?? ''}
        link={open?.link ?? null}
        hidden={open?.hidden ?? 0}
        onClose={() => setOpen(null)}
      />
    </Space>
  );
}
