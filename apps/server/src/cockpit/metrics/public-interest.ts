import { sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';

/** 公益诉讼 cases by 公益诉讼领域. */
export const pilCasesByField: Metric = {
  id: 'pilCasesByField',
  name: '公益诉讼立案（按领域）',
  definition:
    '期内立案、已标明公益诉讼领域的公益诉讼案件件数，按立案时间计入期间，按领域细分；未标领域的不计。',
  unit: '件',
  from: sql`cases c`,
  at: sql`c.opened_at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`c.pil_field is not null`,
  dims: { pilField: sql`c.pil_field` },
  list: { path: '/api/cases', from: 'from', to: 'to' },
};

export const publicInterestMetrics = [pilCasesByField];
