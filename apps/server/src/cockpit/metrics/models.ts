import { sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';
import { modelRecovered } from './money.ts';

/**
 * 大数据法律监督模型 funnel (“沉睡数据开口说话”): runs → hits → confirmed → clues → cases → money.
 * Runs and hits belong to the whole procuratorate (no department): a department head sees the
 * steps from the clues on.
 */

export const modelRuns: Metric = {
  id: 'modelRuns',
  name: '模型运行',
  definition: '期内成功完成的模型运行次数（全院，含定期“体检”），按运行开始时间计入期间。',
  unit: '次',
  from: sql`collide_runs r`,
  at: sql`r.created_at`,
  atKind: 'timestamp',
  department: null,
  handler: null,
  caseId: null,
  where: () => sql`r.status = 'succeeded'`,
};

export const modelHits: Metric = {
  id: 'modelHits',
  name: '模型命中',
  definition:
    '期内运行查出的不同命中条数（全院；同一发现在多次运行中重复出现只计一条），按运行开始时间计入期间。',
  unit: '条',
  from: sql`collide_hits h join collide_runs r on r.id = h.run_id`,
  at: sql`r.created_at`,
  atKind: 'timestamp',
  department: null,
  handler: null,
  caseId: null,
  value: sql`count(distinct h.hit_key)`,
};

export const modelConfirmed: Metric = {
  id: 'modelConfirmed',
  name: '人工确认',
  definition: '期内经数据分析员审查确认（含确认后转为线索）的不同命中条数（全院），按审查时间计入期间。',
  unit: '条',
  from: sql`collide_hits h`,
  at: sql`h.reviewed_at`,
  atKind: 'timestamp',
  department: null,
  handler: null,
  caseId: null,
  where: () => sql`h.status in ('confirmed', 'clue')`,
  value: sql`count(distinct h.hit_key)`,
};

export const modelClues: Metric = {
  id: 'modelClues',
  name: '模型线索',
  definition: '期内受理的来源为“大数据模型”的线索件数，按受理时间计入期间、按受理部门计入部门。',
  unit: '件',
  from: sql`clues k`,
  at: sql`k.received_at`,
  atKind: 'timestamp',
  department: sql`k.department_id`,
  handler: sql`k.handler_id`,
  caseId: sql`k.case_id`,
  where: () => sql`k.source = 'dataModel'`,
  list: { path: '/api/clues', from: 'from', to: 'to', query: { source: 'dataModel' } },
};

export const modelCases: Metric = {
  id: 'modelCases',
  name: '模型成案',
  definition: '期内立案、且由来源为“大数据模型”的线索立案的案件件数，按立案时间计入期间。',
  unit: '件',
  from: sql`cases c`,
  at: sql`c.opened_at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () =>
    sql`c.id in (select mk.case_id from clues mk where mk.source = 'dataModel' and mk.case_id is not null)`,
  list: { path: '/api/cases', from: 'from', to: 'to', query: { clueSource: 'dataModel' } },
};

export const modelMetrics = [modelRuns, modelHits, modelConfirmed, modelClues, modelCases, modelRecovered];
