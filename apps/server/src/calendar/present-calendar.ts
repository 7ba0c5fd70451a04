import type { schema } from '@procura/db';
import type { TCalendarDay } from './schema.ts';

const sourceLabels: Record<string, string> = {
  'chinese-days': '软件内置（chinese-days）',
  admin: '管理员录入',
  import: '导入国务院通知',
};

export function presentCalendarDay(row: typeof schema.holidayCalendarDays.$inferSelect): TCalendarDay {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind as 'rest' | 'work',
    kindLabel: row.kind === 'rest' ? '休' : '班',
    name: row.name,
    source: row.source,
    sourceLabel: sourceLabels[row.source] ?? row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}
