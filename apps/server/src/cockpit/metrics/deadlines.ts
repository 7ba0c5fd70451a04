import { sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';

/** 期限: the statutory time limits falling due in the period, kept or missed. */

const base = {
  from: sql`deadlines dl
    left join suggestions ds on ds.id = dl.suggestion_id
    left join clues dk on dk.id = dl.clue_id
    left join cases c on c.id = coalesce(dl.case_id, ds.case_id, dk.case_id)`,
  at: sql`dl.due_on`,
  atKind: 'date' as const,
  department: sql`coalesce(c.department_id, dk.department_id)`,
  handler: sql`coalesce(c.handler_id, dk.handler_id)`,
  caseId: sql`c.id`,
};

export const deadlinesMet: Metric = {
  id: 'deadlinesMet',
  name: '按期办结',
  definition:
    '届满日在期内、且在届满日当天或之前完成的期限个数（案件、线索、检察建议的各类法定期限，按其所属案件或线索的部门计入部门）。',
  unit: '个',
  ...base,
  where: () => sql`dl.completed_on is not null and dl.completed_on <= dl.due_on`,
  list: { path: '/api/deadlines', from: 'dueFrom', to: 'dueTo', query: { timely: 'met' } },
};

export const deadlinesOverdue: Metric = {
  id: 'deadlinesOverdue',
  name: '逾期',
  definition:
    '届满日在期内、且晚于届满日完成或至今（统计当日）仍未完成而已过届满日的期限个数；中止中的期限没有届满日，不计。',
  unit: '个',
  ...base,
  where: ({ today }) =>
    sql`(dl.completed_on > dl.due_on or (dl.completed_on is null and dl.due_on < ${today}))`,
  list: { path: '/api/deadlines', from: 'dueFrom', to: 'dueTo', query: { timely: 'overdue' } },
};

export const deadlineMetrics = [deadlinesMet, deadlinesOverdue];
