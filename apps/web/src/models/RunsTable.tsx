import type { TRun } from '@procura/server/models/schema';
import { Progress, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/dates.ts';
import { yuan } from './format.ts';

const statusColor: Record<TRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function RunStatus({ run }: { run: TRun }) {
  return <Tag color={statusColor[run.status]}>{run.statusLabel}</Tag>;
}

/** 运行记录: who ran it on which data sets, and what it found. */
export function RunsTable({ runs, loading }: { runs: TRun[] | undefined; loading: boolean }) {
  return (
    <Table<TRun>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={runs}
      data-testid="runs-table"
      columns={[
        {
          title: '运行',
          key: 'id',
          width: 90,
          render: (_, run) => (
            <Link to={`/models/runs/${run.id}`} data-testid={`run-link-${run.id}`}>
              第 {run.id} 次
            </Link>
          ),
        },
        { title: '状态', key: 'status', width: 90, render: (_, run) => <RunStatus run={run} /> },
        {
          title: '进度',
          key: 'progress',
          width: 160,
          render: (_, run) =>
            run.status === 'running' || run.status === 'queued' ? (
              <Progress percent={run.percent} size="small" status="active" />
            ) : (
              (run.error ?? '—')
            ),
        },
        { title: '数据集', key: 'inputs', render: (_, run) => run.inputs.map((i) => i.fileName).join('、') },
        { title: '命中', key: 'hits', width: 70, render: (_, run) => run.hitCount ?? '—' },
        { title: '新增', key: 'new', width: 70, render: (_, run) => run.newHitCount ?? '—' },
        { title: '涉及金额', key: 'amount', width: 120, render: (_, run) => yuan(run.amountFen) },
        {
          title: '发起',
          key: 'by',
          width: 150,
          render: (_, run) => (run.scheduleId ? `${run.startedBy.name}（定期）` : run.startedBy.name),
        },
        { title: '开始时间', key: 'at', width: 150, render: (_, run) => formatDateTime(run.createdAt) },
      ]}
    />
  );
}
