import { sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';

/** 线索 → 立案 → 检察建议 → 回复 → 整改 → 起诉: the casework funnel, each step counted in its own period. */

export const cluesReceived: Metric = {
  id: 'cluesReceived',
  name: '受理线索',
  definition:
    '期内受理的线索件数，按线索的受理时间计入期间、按受理部门计入部门；其他部门移送来的线索在接收部门另计一件（移出部门的原线索仍计一件）。',
  unit: '件',
  from: sql`clues k`,
  at: sql`k.received_at`,
  atKind: 'timestamp',
  department: sql`k.department_id`,
  handler: sql`k.handler_id`,
  caseId: sql`k.case_id`,
  dims: { source: sql`k.source` },
  list: { path: '/api/clues', from: 'from', to: 'to' },
};

export const casesOpened: Metric = {
  id: 'casesOpened',
  name: '立案',
  definition: '期内立案的案件件数，按立案时间计入期间、按办案部门计入部门，不论案件现处何阶段。',
  unit: '件',
  from: sql`cases c`,
  at: sql`c.opened_at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  dims: { type: sql`c.type`, stage: sql`c.stage`, pilField: sql`c.pil_field` },
  list: { path: '/api/cases', from: 'from', to: 'to' },
};

export const suggestionsIssued: Metric = {
  id: 'suggestionsIssued',
  name: '制发检察建议',
  definition:
    '期内签发（分配文号）的检察建议份数（各类检察建议合计），按签发时间计入期间、按所属案件的办案部门计入部门。',
  unit: '份',
  from: sql`suggestions s join cases c on c.id = s.case_id`,
  at: sql`s.issued_at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  dims: { kind: sql`s.kind` },
  list: { path: '/api/suggestions', from: 'issuedFrom', to: 'issuedTo' },
};

export const suggestionsReplied: Metric = {
  id: 'suggestionsReplied',
  name: '收到回复',
  definition: '期内收到被建议单位书面回复的检察建议份数，按回复日期计入期间（不论建议何时签发）。',
  unit: '份',
  from: sql`suggestions s join cases c on c.id = s.case_id`,
  at: sql`s.reply_on`,
  atKind: 'date',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  list: { path: '/api/suggestions', from: 'repliedFrom', to: 'repliedTo' },
};

export const suggestionsRectified: Metric = {
  id: 'suggestionsRectified',
  name: '采纳整改',
  definition:
    '期内收到回复、且跟进核实为“整改到位”或“部分到位”的检察建议份数，按回复日期计入期间；尚未核实整改情况的不计。',
  unit: '份',
  from: sql`suggestions s join cases c on c.id = s.case_id`,
  at: sql`s.reply_on`,
  atKind: 'date',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`s.rectification in ('fullyRectified', 'partlyRectified')`,
  list: { path: '/api/suggestions', from: 'repliedFrom', to: 'repliedTo', query: { rectified: 'true' } },
};

export const suitsFiled: Metric = {
  id: 'suitsFiled',
  name: '提起诉讼',
  definition: '期内在案件时间线上记录“提起诉讼”的案件件数（一案多次起诉计一件），按记录的起诉时间计入期间。',
  unit: '件',
  from: sql`case_events e join cases c on c.id = e.case_id`,
  at: sql`e.at`,
  atKind: 'timestamp',
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`e.kind = 'suitFiled'`,
  value: sql`count(distinct c.id)`,
  hiddenKey: sql`c.id`,
  list: { path: '/api/cases', from: 'eventFrom', to: 'eventTo', query: { eventKind: 'suitFiled' } },
};

export const funnelMetrics = [
  cluesReceived,
  casesOpened,
  suggestionsIssued,
  suggestionsReplied,
  suggestionsRectified,
  suitsFiled,
];
