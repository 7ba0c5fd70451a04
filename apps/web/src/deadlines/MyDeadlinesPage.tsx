import type { TDeadline } from '@procura/server/deadlines/schema';
import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { useFilteredDeadlines, useMyDeadlines } from './api.ts';
import { DeadlineTable } from './DeadlineTable.tsx';
import { countByStatus, statusOrder } from './statuses.ts';

type TFilter = TDeadline['status'] | 'active' | 'all';

/**
 * 我的期限: deadlines of the cases and clues the user handles, by state. Opened from the workbench
 * (?overdue=1, ?due=7d, with ?mine=1 for one's own) or the cockpit (?timely=met|overdue with
 * ?dueFrom&dueTo), exactly the deadlines it counted. Loaded lazily.
 */
export default function MyDeadlinesPage() {
  const workbench = useWorkbenchFilter([
    'mine',
    'overdue',
    'due',
    'timely',
    'dueFrom',
    'dueTo',
    'departmentId',
  ] as const);
  const { filter } = workbench;
  const fromWorkbench = Boolean(
    filter.overdue || filter.due || filter.timely || filter.dueFrom || filter.dueTo,
  );
  const filtered = useFilteredDeadlines(workbench.filter, fromWorkbench);
  if (fromWorkbench) {
    return (
      <Card title={titleOf(filter)}>
        {workbench.notice}
        <DeadlineTable
          items={filtered.data?.items}
          loading={filtered.isFetching}
          testId="filtered-deadlines-table"
          emptyText="没有符合条件的期限"
        />
      </Card>
    );
  }
  return <OwnDeadlines />;
}

function titleOf(filter: Partial<Record<string, string>>): string {
  if (filter.timely === 'met') return '按期办结的期限';
  if (filter.timely === 'overdue') return '逾期的期限';
  if (filter.overdue) return '逾期期限';
  if (filter.due) return '7日内到期的期限';
  return '期限';
}

function OwnDeadlines() {
  const deadlines = useMyDeadlines();
  const [filter, setFilter] = useState<TFilter>('active');
  const items = deadlines.data?.items;
  const counts = countByStatus(items);
  const shown = (items ?? []).filter((d) =>
    filter === 'all' ? true : filter === 'active' ? d.status !== 'done' : d.status === filter,
  );
  const options: { value: TFilter; label: string }[] = [
    { value: 'active', label: `未完成 ${(items?.length ?? 0) - counts.done}` },
    ...statusOrder.map(({ status, label }) => ({ value: status, label: `${label} ${counts[status]}` })),
    { value: 'all', label: `全部 ${items?.length ?? 0}` },
  ];

  return (
    <Card title="我的期限">
      <Typography.Paragraph type="secondary">
        我承办的案件和线索的法定期限。临期：3 个工作日内到期；到期日落在法定休假日的，顺延至其后第一个工作日。
      </Typography.Paragraph>
      <Segmented<TFilter>
        value={filter}
        onChange={setFilter}
        options={options}
        style={{ marginBottom: 16 }}
        data-testid="my-deadlines-filter"
      />
      <DeadlineTable
        items={shown}
        loading={deadlines.isFetching}
        testId="my-deadlines-table"
        emptyText="没有符合条件的期限"
      />
    </Card>
  );
}
