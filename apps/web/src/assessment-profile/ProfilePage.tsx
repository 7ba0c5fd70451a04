import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { entryKindLabels } from '@procura/domain/assessment/schemes';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { apiDownload } from '../api/client.ts';
import { hasAccess } from '../auth/access.ts';
import { useMe } from '../auth/hooks.ts';
import {
  type TIndicatorRow,
  type TProfile,
  type TSnapshotDiff,
  useAssessmentPeople,
  useProfile,
  useRecalculate,
  useSetTarget,
} from './api.ts';

// Only the parts used: the whole of ECharts would be one 2 MB chunk.
echarts.use([RadarChart, LineChart, RadarComponent, GridComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption) {
  const element = useRef<HTMLDivElement>(null);
  const serialised = JSON.stringify(option);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(JSON.parse(serialised));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [serialised]);
  return element;
}

function DimensionRadar({ profile }: { profile: TProfile }) {
  const element = useChart({
    tooltip: {},
    radar: {
      indicator: profile.dimensions.map((d) => ({ name: `${d.label}（${d.percent}%）`, max: 100 })),
      radius: '65%',
    },
    series: [
      {
        type: 'radar',
        areaStyle: { opacity: 0.25 },
        data: [{ name: profile.person.name, value: profile.dimensions.map((d) => d.percent) }],
      },
    ],
  });
  return <div ref={element} style={{ width: '100%', height: 280 }} data-testid="dimension-radar" />;
}

function QuarterTrend({ profile }: { profile: TProfile }) {
  const element = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: profile.trend.map((q) => q.label.replace(/^\d{4}年/, '')) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { type: 'line', name: '季度得分', data: profile.trend.map((q) => q.total), connectNulls: false },
    ],
  });
  return <div ref={element} style={{ width: '100%', height: 280 }} data-testid="quarter-trend" />;
}

const fmt = (value: number | null, unit: string) =>
  value === null
    ? '无基数'
    : `${Number.isInteger(value) ? value : value.toFixed(2)}${unit ? ` ${unit}` : ''}`;

type TPartyPoints = TProfile['partyPoints'];

/** The approved entries behind the period's 党员积分, each citing its record when it has one. */
function PartyPointsDrawer({ points, onClose }: { points: TPartyPoints | null; onClose: () => void }) {
  return (
    <Drawer open={points !== null} onClose={onClose} title="党员积分：计入的条目" size="large">
      {points && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="party-points-drawer">
          <Typography.Paragraph type="secondary">
            口径：本考核周期内已生效的党员积分、加分和负面清单条目，每一条款按方案的本期上限计，合计{' '}
            {points.total} 分；未通过、已撤销和尚在审批中的条目不计。
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="party-points-entries"
            locale={{ emptyText: '本期没有计入的条目' }}
            dataSource={points.entries}
            columns={[
              { title: '日期', dataIndex: 'occurredOn' },
              {
                title: '类别',
                dataIndex: 'kind',
                render: (k: string) => entryKindLabels[k as keyof typeof entryKindLabels] ?? k,
              },
              {
                title: '事项',
                render: (_: unknown, e: TPartyPoints['entries'][number]) =>
                  e.ruleLabel ? `${e.title}（${e.ruleLabel}）` : e.title,
              },
              { title: '分值', dataIndex: 'points' },
              {
                title: '来源记录',
                render: (_: unknown, e: TPartyPoints['entries'][number]) =>
                  e.record ? (
                    e.record.link ? (
                      <Link to={e.record.link} data-testid="party-points-record">
                        {e.record.label}
                      </Link>
                    ) : (
                      e.record.label
                    )
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** The records behind one number: each a link to its page. */
function RecordsDrawer({ row, onClose }: { row: TIndicatorRow | null; onClose: () => void }) {
  return (
    <Drawer open={row !== null} onClose={onClose} title={row ? `${row.name}：来源记录` : ''} size="large">
      {row && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="records-drawer">
          <Typography.Paragraph type="secondary" data-testid="indicator-definition">
            口径：{row.definition}
          </Typography.Paragraph>
          {row.base !== null && (
            <Typography.Text>
              {row.numerator} ÷ {row.base}
            </Typography.Text>
          )}
          <List
            bordered
            data-testid="indicator-records"
            locale={{ emptyText: '本期没有计入此项的记录' }}
            dataSource={row.records}
            renderItem={(record) => (
              <List.Item>
                <Link to={record.url} data-testid="record-link">
                  {record.label}
                </Link>
              </List.Item>
            )}
          />
          {row.hiddenRecords > 0 && (
            <Alert
              type="info"
              showIcon
              message={`另有 ${row.hiddenRecords} 件未检记录计入，仅未检部门可查看明细`}
            />
          )}
          {row.listUrl && <Link to={row.listUrl}>打开列表</Link>}
        </Space>
      )}
    </Drawer>
  );
}

/** The head's target for one indicator: saved when the field is left or Enter is pressed. */
function TargetInput({ row, onSave }: { row: TIndicatorRow; onSave: (target: number | null) => void }) {
  const current = row.benchmarkKind === 'target' ? row.benchmark : null;
  const [value, setValue] = useState<number | null>(current);
  const save = () => {
    if (value !== current) onSave(value);
  };
  return (
    <InputNumber
      size="small"
      min={0}
      value={value}
      onChange={setValue}
      onBlur={save}
      onPressEnter={save}
      placeholder={row.benchmark === null ? '' : `最优 ${row.benchmark}`}
      aria-label={`${row.name}目标值`}
      data-testid={`target-${row.key}`}
    />
  );
}

function IndicatorTable({
  rows,
  onOpen,
  onTarget,
}: {
  rows: TIndicatorRow[];
  onOpen: (row: TIndicatorRow) => void;
  /** Set for the head of the department shown: a column to set 跳起摸高 targets. */
  onTarget?: ((key: string, target: number | null) => void) | undefined;
}) {
  const columns: TableColumnsType<TIndicatorRow> = [
    {
      title: '指标',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Tooltip title={`口径：${row.definition}`}>
          <span>
            {name} {row.source === 'entered' && <Tag>录入</Tag>}
          </span>
        </Tooltip>
      ),
    },
    { title: '类别', dataIndex: 'dimensionLabel', width: 70 },
    {
      title: '数值',
      key: 'value',
      width: 140,
      render: (_, row) =>
        row.source === 'computed' ? (
          <Button type="link" size="small" onClick={() => onOpen(row)} data-testid={`value-${row.key}`}>
            {fmt(row.value, row.unit)}
          </Button>
        ) : (
          fmt(row.value, row.unit)
        ),
    },
    { title: '权重', dataIndex: 'weight', width: 60 },
    {
      title: '得分',
      key: 'score',
      width: 80,
      render: (_, row) => (row.applicable ? row.score.toFixed(2) : <Tag>不计分</Tag>),
    },
    {
      title: '计分规则',
      dataIndex: 'rule',
      render: (rule: string) => <Typography.Text type="secondary">{rule}</Typography.Text>,
    },
    ...(onTarget
      ? [
          {
            title: (
              <Tooltip title="高于本部门最优值的目标值作为标杆；低于最优值时仍以最优值计">
                跳起摸高目标值
              </Tooltip>
            ),
            key: 'target',
            width: 140,
            render: (_: unknown, row: TIndicatorRow) => (
              <TargetInput row={row} onSave={(target) => onTarget(row.key, target)} />
            ),
          },
        ]
      : []),
  ];
  return <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} />;
}

function DiffView({ diff }: { diff: TSnapshotDiff }) {
  if (!diff.previous)
    return <Alert type="success" showIcon message="已保存首份快照；下次重算时将列出变化及原因" />;
  if (diff.changes.length === 0) return <Alert type="success" showIcon message="与上次计算相比没有变化" />;
  return (
    <List
      data-testid="recalculation-changes"
      dataSource={diff.changes}
      renderItem={(change) => (
        <List.Item>
          <Space direction="vertical">
            <Typography.Text strong>
              {change.name}：总分 {change.totalBefore ?? '—'} → {change.totalAfter ?? '—'}（
              {change.gradeBefore ?? '—'} → {change.gradeAfter ?? '—'}）
            </Typography.Text>
            {change.indicators.map((i) => (
              <Typography.Text key={i.key}>
                {i.name}：{i.valueBefore ?? '无基数'} → {i.valueAfter ?? '无基数'}，得分{' '}
                {i.scoreBefore ?? '—'} → {i.scoreAfter ?? '—'}。{i.why}
              </Typography.Text>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 精准画像: one prosecutor's year — dimensions, trend, rank, and every number's records. */
export default function ProfilePage() {
  const me = useMe();
  const [year, setYear] = useState(new Date().getFullYear());
  const people = useAssessmentPeople(year);
  const [chosen, setChosen] = useState<number | null>(null);
  const userId = chosen ?? people.data?.find((p) => p.id === me.id)?.id ?? people.data?.[0]?.id ?? null;
  const profile = useProfile(userId, year);
  const [open, setOpen] = useState<TIndicatorRow | null>(null);
  const [pointsOpen, setPointsOpen] = useState(false);
  const download = useMutation({
    mutationFn: (args: { path: string; query: Record<string, string | number> }) =>
      apiDownload(args.path, args.query),
  });
  const recalculate = useRecalculate(year);
  const setTarget = useSetTarget(year);
  const targetFor = (departmentId: number) =>
    hasAccess(me, 'assessment.target') && me.department?.id === departmentId
      ? (indicatorKey: string, target: number | null) => setTarget.mutate({ indicatorKey, target })
      : undefined;
  const canResults = hasAccess(me, 'assessment.results');
  const canRecalculate = hasAccess(me, 'assessment.recalculate');
  const data = profile.data;
  const primary = data?.segments.reduce(
    (a, b) => (b.days > a.days ? b : a),
    data.segments[0] as NonNullable<(typeof data.segments)[0]>,
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="检察官精准画像"
        extra={
          <Space wrap>
            <InputNumber
              aria-label="考核年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              addonAfter="年度"
            />
            <Select
              aria-label="人员"
              data-testid="person-select"
              style={{ minWidth: 220 }}
              value={userId ?? undefined}
              onChange={setChosen}
              showSearch
              optionFilterProp="label"
              options={(people.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.name}（${p.departmentName}）`,
              }))}
              placeholder="选择人员"
            />
            {userId !== null && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  download.mutate({
                    path: `/api/assessment/profiles/${userId}/appraisal-form`,
                    query: { year },
                  })
                }
              >
                个人考评表
              </Button>
            )}
          </Space>
        }
      >
        {people.data && people.data.length === 0 && <Empty description="您不在检察官业绩考评范围内" />}
        {data && primary && (
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Statistic title={`${data.person.name} · 总分`} value={data.total} precision={2} />
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                <Descriptions.Item label="部门排名">
                  <span data-testid="department-rank">
                    第 {primary.rank} / {primary.of} 名（{primary.departmentName}）
                  </span>
                </Descriptions.Item>
                {data.dimensions.map((d) => (
                  <Descriptions.Item key={d.dimension} label={`${d.label}得分`}>
                    {d.score.toFixed(2)}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label="党员积分">
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setPointsOpen(true)}
                    data-testid="party-points"
                  >
                    {data.partyPoints.total}
                  </Button>
                </Descriptions.Item>
                <Descriptions.Item label="方案">{data.schemeName}</Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={24} md={9}>
              <Typography.Text strong>维度雷达（各维度得分率）</Typography.Text>
              <DimensionRadar profile={data} />
            </Col>
            <Col xs={24} md={9}>
              <Typography.Text strong>季度趋势</Typography.Text>
              <QuarterTrend profile={data} />
            </Col>
          </Row>
        )}
      </Card>
      {data && (
        <Card title="各项指标（点击数值查看来源记录）">
          {data.segments.length === 1 && primary ? (
            <>
              {primary.scaleNote && (
                <Alert type="info" showIcon message={primary.scaleNote} style={{ marginBottom: 12 }} />
              )}
              <IndicatorTable
                rows={primary.indicators}
                onOpen={setOpen}
                onTarget={targetFor(primary.departmentId)}
              />
            </>
          ) : (
            <Tabs
              items={data.segments.map((s) => ({
                key: `${s.departmentId}-${s.from}`,
                label: `${s.departmentName}（${s.days} 天，得分 ${s.total}，第 ${s.rank}/${s.of} 名）`,
                children: (
                  <IndicatorTable rows={s.indicators} onOpen={setOpen} onTarget={targetFor(s.departmentId)} />
                ),
              }))}
            />
          )}
        </Card>
      )}
      {canResults && (
        <Card title="考评结果与名单">
          <Space wrap>
            {(
              [
                ['results', '考评结果表'],
                ['grades', '等次名单（名额核对）'],
                ['candidates', '评先选优候选名单'],
              ] as const
            ).map(([kind, label]) => (
              <Button
                key={kind}
                icon={<DownloadOutlined />}
                data-testid={`export-${kind}`}
                loading={download.isPending && download.variables?.query.kind === kind}
                onClick={() =>
                  download.mutate({ path: '/api/assessment/results/export', query: { year, kind } })
                }
              >
                导出{label}
              </Button>
            ))}
            {canRecalculate && (
              <Button
                icon={<ReloadOutlined />}
                loading={recalculate.isPending}
                onClick={() => recalculate.mutate()}
              >
                重新计算并比较
              </Button>
            )}
          </Space>
          {recalculate.data && (
            <div style={{ marginTop: 12 }}>
              <DiffView diff={recalculate.data} />
            </div>
          )}
        </Card>
      )}
      <RecordsDrawer row={open} onClose={() => setOpen(null)} />
      <PartyPointsDrawer
        points={pointsOpen && data ? data.partyPoints : null}
        onClose={() => setPointsOpen(false)}
      />
    </Space>
  );
}
