import type { TDeadline } from '@procura/server/deadlines/schema';
import { Tag } from 'antd';

const colors: Record<TDeadline['status'], string> = {
  open: 'processing',
  dueSoon: 'warning',
  overdue: 'error',
  paused: 'default',
  done: 'success',
};

export function DeadlineStatusTag({ deadline }: { deadline: TDeadline }) {
  return (
    <Tag color={colors[deadline.status]} data-testid={`deadline-status-${deadline.id}`}>
      {deadline.statusLabel}
    </Tag>
  );
}
