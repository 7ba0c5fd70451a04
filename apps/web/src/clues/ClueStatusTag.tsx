import type { TClueStatus } from '@procura/domain/cases/clue-sources';
import { Tag } from 'antd';
import { statusColors } from './options.ts';

export function ClueStatusTag({ status, label }: { status: TClueStatus; label: string }) {
  return (
    <Tag color={statusColors[status]} data-testid="clue-status">
      {label}
    </Tag>
  );
}
