import type { TDeadline } from '@procura/server/deadlines/schema';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { DeadlineExplanation } from './DeadlineExplanation.tsx';
import { DeadlineStatusTag } from './DeadlineStatusTag.tsx';
import { PauseDeadlineModal } from './PauseDeadlineModal.tsx';

type TProps = {
  items: TDeadline[] | undefined;
  loading: boolean;
  /** Show the case/clue column (off on the case page). */
  showRecord?: boolean;
  testId: string;
  emptyText?: string;
};

function recordColumn(): TableColumnsType<TDeadline>[number] {
  return {
    title: '案件 / 线索',
    key: 'record',
    width: 240,
    render: (_, { record }) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/${record.kind === 'case' ? 'cases' : 'clues'}/${record.id}`}>{record.label}</Link>
        {record.kind === 'case' && <span style={{ color: '#888', fontSize: 12 }}>{record.title}</span>}
        <span style={{ color: '#888', fontSize: 12 }}>
          {record.department.name} · {record.handler?.name ?? '未指定承办人'}
        </span>
      </Space>
    ),
  };
}

/** Deadlines with status, due date and the engine's explanation; 中止/恢复 for deadline.pause. */
export function DeadlineTable({ items, loading, showRecord = true, testId, emptyText }: TProps) {
  const me = useMe();
  const [dialog, setDialog] = useState<{ deadline: TDeadline; mode: 'pause' | 'resume' } | null>(null);
  const mayPause = me.actions.includes('deadline.pause');

  const columns: TableColumnsType<TDeadline> = [
    ...(showRecord ? [recordColumn()] : []),
    {
      title: '期限名称',
      key: 'name',
      width: 190,
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <span>{d.name}</span>
          {d.urgent && <span style={{ color: '#cf1322', fontSize: 12 }}>紧急情形</span>}
        </Space>
      ),
    },
    {
      title: '到期日',
      key: 'due',
      width: 110,
      render: (_, d) => <span data-testid={`deadline-due-${d.id}`}>{d.due ?? '—'}</span>,
    },
    { title: '状态', key: 'status', width: 80, render: (_, d) => <DeadlineStatusTag deadline={d} /> },
    { title: '计算说明与依据', key: 'explanation', render: (_, d) => <DeadlineExplanation deadline={d} /> },
  ];
  if (mayPause) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, d) => {
        if (d.status === 'done') return null;
        const paused = d.status === 'paused';
        return (
          <Button
            size="small"
            onClick={() => setDialog({ deadline: d, mode: paused ? 'resume' : 'pause' })}
            data-testid={`deadline-${paused ? 'resume' : 'pause'}-${d.id}`}
          >
            {paused ? '恢复' : '中止'}
          </Button>
        );
      },
    });
  }

  return (
    <>
      <Table<TDeadline>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={showRecord ? { x: 1000 } : undefined}
        locale={{ emptyText: emptyText ?? '没有期限' }}
        data-testid={testId}
      />
      <PauseDeadlineModal
        deadline={dialog?.deadline ?? null}
        mode={dialog?.mode ?? 'pause'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
