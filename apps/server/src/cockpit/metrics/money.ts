import { type SQL, sql } from 'drizzle-orm';
import type { Metric } from './measure.ts';

/**
 * 办案成效 by line of work: money recovered and people helped, from the case outcomes (办案成效,
 * 司法救助 payments). An outcome counts in the period it was first recorded in.
 */

const outcomeBase = {
  from: sql`case_outcomes o join cases c on c.id = o.case_id`,
  at: sql`o.created_at`,
  atKind: 'timestamp' as const,
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  // The list shows the cases whose outcomes are summed.
  hiddenKey: sql`c.id`,
};

const moneyOutcome = sql`o.amount_fen is not null`;
const peopleOutcome = sql`o.kind = 'peopleHelped'`;
const fromModel = sql`c.id in (select mk.case_id from clues mk where mk.source = 'dataModel' and mk.case_id is not null)`;

function outcomeMetric(
  id: string,
  name: string,
  definition: string,
  kind: 'money' | 'people',
  line: { where: SQL; query: Record<string, string> },
): Metric {
  return {
    id,
    name,
    definition,
    unit: kind === 'money' ? '元' : '人',
    ...(kind === 'money' ? { money: true } : {}),
    ...outcomeBase,
    where: () => sql`${kind === 'money' ? moneyOutcome : peopleOutcome} and ${line.where}`,
    value: kind === 'money' ? sql`sum(o.amount_fen)` : sql`sum(o.count)`,
    list: {
      path: '/api/cases',
      from: 'outcomeFrom',
      to: 'outcomeTo',
      query: { outcome: kind, ...line.query },
    },
  };
}

const moneyText =
  '（追回国有财产、追缴税款、追回欠薪、追回补贴资金、赔偿到位等以金额计的办案成效之和），按成效登记时间计入期间；点开列表为有此类成效的案件。';
const peopleText = '“帮助群众”办案成效的人数之和，按成效登记时间计入期间；点开列表为有此类成效的案件。';

const publicInterest = { where: sql`d.line = 'publicInterest'`, query: { line: 'publicInterest' } };
const supportedSuit = { where: sql`c.type = 'supportedSuit'`, query: { type: 'supportedSuit' } };
const dataModel = { where: fromModel, query: { clueSource: 'dataModel' } };

export const pilRecovered = outcomeMetric(
  'pilRecovered',
  '公益诉讼挽回金额',
  `公益诉讼检察部门办理的案件登记的金额成效${moneyText}`,
  'money',
  publicInterest,
);
export const pilPeople = outcomeMetric(
  'pilPeople',
  '公益诉讼帮助群众',
  `公益诉讼检察部门办理的案件登记的${peopleText}`,
  'people',
  publicInterest,
);
export const supportRecovered = outcomeMetric(
  'supportRecovered',
  '支持起诉追回金额',
  `民事支持起诉案件的金额成效（由各申请人追回金额汇总而来）${moneyText}`,
  'money',
  supportedSuit,
);
export const supportPeople = outcomeMetric(
  'supportPeople',
  '支持起诉帮助群众',
  '民事支持起诉案件登记的“帮助群众”办案成效（即追回款项的申请人人数）之和，按成效登记时间计入期间；点开列表为有此类成效的案件。',
  'people',
  supportedSuit,
);
export const modelRecovered = outcomeMetric(
  'modelRecovered',
  '大数据模型挽回金额',
  `由“大数据模型”来源的线索立案的案件登记的金额成效${moneyText}`,
  'money',
  dataModel,
);
export const modelPeople = outcomeMetric(
  'modelPeople',
  '大数据模型帮助群众',
  `由“大数据模型”来源的线索立案的案件登记的${peopleText}`,
  'people',
  dataModel,
);

const aidBase = {
  from: sql`judicial_aids a join cases c on c.id = a.case_id`,
  at: sql`a.paid_on`,
  atKind: 'date' as const,
  department: sql`c.department_id`,
  handler: sql`c.handler_id`,
  caseId: sql`c.id`,
  where: () => sql`a.paid_fen is not null`,
  /** The cases whose paid aid is summed (one row per case, not per payment or person). */
  list: { path: '/api/cases' as const, from: 'aidPaidFrom', to: 'aidPaidTo' },
};

export const aidPaid: Metric = {
  id: 'aidPaid',
  name: '司法救助发放金额',
  definition:
    '期内发放的司法救助金额之和（各条线案件的司法救助合计，每笔救助只计一次），按发放日期计入期间。',
  unit: '元',
  money: true,
  ...aidBase,
  value: sql`sum(a.paid_fen)`,
};

export const aidPeople: Metric = {
  id: 'aidPeople',
  name: '司法救助人数',
  definition: '期内获发司法救助的人数，按公民身份号码去重（同一人多笔救助计一人），按发放日期计入期间。',
  unit: '人',
  ...aidBase,
  value: sql`count(distinct coalesce(a.applicant_id_number, 'aid:' || a.id))`,
};

/** The money and people figures side by side per line of work (公益诉讼, 支持起诉, 司法救助, 大数据模型). */
export const moneyLines = [
  { id: 'publicInterest', label: '公益诉讼', money: pilRecovered, people: pilPeople },
  { id: 'supportedSuit', label: '支持起诉', money: supportRecovered, people: supportPeople },
  { id: 'judicialAid', label: '司法救助', money: aidPaid, people: aidPeople },
  { id: 'dataModel', label: '大数据模型', money: modelRecovered, people: modelPeople },
] as const;

export const moneyMetrics = moneyLines.flatMap((line) => [line.money, line.people]);
