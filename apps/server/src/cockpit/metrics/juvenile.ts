import { sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';

/** 未成年人检察: cases, 督促监护令, 跟踪帮教 outcomes, 校园信箱 letters, 法治宣传 audiences. */

export const juvenileCases: Metric = {
  id: 'juvenileCases',
  name: '未检立案',
  definition:
    '期内未成年人检察部门立案的案件件数，按立案时间计入期间；已封存的案件计入数字，但不在未检部门以外的列表中显示。',
  unit: '件',
  from: sql`cases c`,
  at: sql`c.opened_at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`d.line = 'juvenile'`,
  list: { path: '/api/cases', from: 'from', to: 'to', query: { line: 'juvenile' } },
};

export const guardianshipOrders: Metric = {
  id: 'guardianshipOrders',
  name: '督促监护令',
  definition: '期内制发的督促监护令份数，按制发日期计入期间、按所属案件的部门计入部门。',
  unit: '份',
  from: sql`juvenile_guardianship_orders g join cases c on c.id = g.case_id`,
  at: sql`g.issued_on`,
  atKind: 'date',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`g.issued_on is not null`,
  /** The cases the orders were issued in (one row per case). */
  list: { path: '/api/cases', from: 'guardianshipFrom', to: 'guardianshipTo' },
};

export const followUpsReturned: Metric = {
  id: 'followUpsReturned',
  name: '帮教后复学就业',
  definition: '期内结束、结果为“复学”或“就业”的跟踪帮教人数，按帮教结束时间计入期间、按帮教部门计入部门。',
  unit: '人',
  from: sql`juvenile_follow_ups f`,
  at: sql`f.closed_at`,
  atKind: 'timestamp',
  department: sql`f.department_id`,
  handler: sql`f.handler_id`,
  caseId: sql`f.case_id`,
  where: () => sql`f.outcome in ('backToSchool', 'employed')`,
  dims: { outcome: sql`f.outcome` },
  list: { path: '/api/juvenile/follow-ups', from: 'closedFrom', to: 'closedTo', query: { returned: '1' } },
};

export const lettersReceived: Metric = {
  id: 'lettersReceived',
  name: '校园信箱来信',
  definition:
    '期内各对接学校校园信箱收到的来信封数（全院；疑似刷信未经核实放行的不计），按来信时间计入期间，可按主题细分。',
  unit: '封',
  from: sql`mailbox_letters l`,
  at: sql`l.created_at`,
  atKind: 'timestamp',
  department: null,
  handler: null,
  caseId: null,
  where: () => sql`(l.suspected = false or l.released_at is not null)`,
  dims: { topic: sql`l.topic` },
  list: { path: '/api/mailbox/letters', from: 'from', to: 'to', query: { counted: 'true' } },
};

export const outreachAudience: Metric = {
  id: 'outreachAudience',
  name: '法治宣传受众',
  definition:
    '期内举办的法治进校园、小小检察官、进社区等活动登记的参与人数之和，按活动日期计入期间、按登记部门计入部门。',
  unit: '人次',
  from: sql`outreach_events ev`,
  at: sql`ev.held_on`,
  atKind: 'date',
  department: sql`ev.department_id`,
  handler: null,
  caseId: null,
  value: sql`sum(ev.participant_count)`,
  dims: { kind: sql`ev.kind` },
  /** The events whose participants are summed (the list's `participants` is the figure). */
  list: { path: '/api/outreach-events', from: 'from', to: 'to' },
};

export const juvenileMetrics = [
  juvenileCases,
  guardianshipOrders,
  followUpsReturned,
  lettersReceived,
  outreachAudience,
];
