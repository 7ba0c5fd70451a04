import type { TDeadline } from '@procura/server/deadlines/schema';

type TStatus = TDeadline['status'];

/** The order states are shown in: what needs attention first. */
export const statusOrder: { status: TStatus; label: string }[] = [
  { status: 'overdue', label: '逾期' },
  { status: 'dueSoon', label: '临期' },
  { status: 'open', label: '进行中' },
  { status: 'paused', label: '已中止' },
  { status: 'done', label: '已完成' },
];

export function countByStatus(items: TDeadline[] | undefined): Record<TStatus, number> {
  const counts: Record<TStatus, number> = { open: 0, dueSoon: 0, overdue: 0, done: 0, paused: 0 };
  for (const item of items ?? []) counts[item.status] += 1;
  return counts;
}
