/**
 * 考核方案 (assessment schemes) as data: one scheme per period (a year or another span), edited by
 * 政治部（组织人事）, never in code. The rules here are pure: validation of a scheme, the copy a new
 * period starts from ("动态调整考核指标"), the freeze of a closed period, the appeal (复核) window,
 * who may propose under a rule, and the per-period cap of party points.
 */

import type {
  appealStatusIds,
  assessmentEntryKindIds,
  assessmentEntryOriginIds,
  assessmentEntryStatusIds,
  assessmentPeriodKindIds,
  assessmentPeriodStatusIds,
  assessmentRecordTypeIds,
  gradeIds,
  indicatorSourceIds,
  pointCategoryIds,
  pointProposerIds,
  pointTriggerIds,
  studySessionKindIds,
} from '../states.ts';
import {
  dimensionLabels,
  directionLabels,
  exampleDifficulty,
  isComputedKey,
  type TDimension,
  type TDirection,
} from './indicators.ts';

export type TPeriodKind = (typeof assessmentPeriodKindIds)[number];
export const periodKindLabels = {
  year: '年度',
  half: '半年',
  quarter: '季度',
  other: '其他',
} as const satisfies Record<TPeriodKind, string>;

export type TPeriodStatus = (typeof assessmentPeriodStatusIds)[number];
export const periodStatusLabels = { open: '进行中', closed: '已关闭' } as const satisfies Record<
  TPeriodStatus,
  string
>;

export type TPointCategory = (typeof pointCategoryIds)[number];
export const pointCategoryLabels = {
  political: '政治纪律',
  organisational: '组织纪律',
  integrity: '廉洁纪律',
  masses: '群众纪律',
  work: '工作纪律',
  life: '生活纪律',
  business: '业务',
} as const satisfies Record<TPointCategory, string>;

export type TPointProposer = (typeof pointProposerIds)[number];
export const pointProposerLabels = {
  self: '本人或部门负责人',
  departmentHead: '部门负责人',
  personnel: '政治部',
} as const satisfies Record<TPointProposer, string>;

export type TPointTrigger = (typeof pointTriggerIds)[number];
export const pointTriggerLabels = {
  deadlineOverdue: '期限逾期（自动提出，待确认）',
  suggestionReturned: '检察建议审批退回（自动提出，待确认）',
  firstTopic: '参加第一议题学习',
  preMeetingStudy: '参加党组会前学习',
  branchSeminar: '参加支部研讨',
} as const satisfies Record<TPointTrigger, string>;

export type TStudySessionKind = (typeof studySessionKindIds)[number];
export const studySessionKindLabels = {
  firstTopic: '第一议题',
  preMeetingStudy: '党组会前学习',
  branchSeminar: '支部研讨',
} as const satisfies Record<TStudySessionKind, string>;

// One list and one label table for dimensions and directions, shared with the scoring.
export type TIndicatorDimension = TDimension;
export const indicatorDimensionLabels = dimensionLabels;
export type TIndicatorDirection = TDirection;
export const indicatorDirectionLabels = directionLabels;

export type TIndicatorSource = (typeof indicatorSourceIds)[number];
export const indicatorSourceLabels = {
  computed: '平台数据自动计算',
  entered: '填报并审批',
} as const satisfies Record<TIndicatorSource, string>;

export type TGrade = (typeof gradeIds)[number];
export const gradeLabels = {
  excellent: '优秀',
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
} as const satisfies Record<TGrade, string>;

export type TEntryKind = (typeof assessmentEntryKindIds)[number];
export const entryKindLabels = {
  partyPoints: '党员积分',
  indicator: '填报指标',
  bonus: '加分列表',
  negative: '负面清单',
} as const satisfies Record<TEntryKind, string>;

export type TEntryStatus = (typeof assessmentEntryStatusIds)[number];
export const entryStatusLabels = {
  proposed: '系统提出，待确认',
  submitted: '已提交，待部门负责人审核',
  reviewed: '部门已审核，待政治部审批',
  approved: '已生效',
  rejected: '未通过',
  revoked: '复核撤销',
} as const satisfies Record<TEntryStatus, string>;

export type TEntryOrigin = (typeof assessmentEntryOriginIds)[number];
export const entryOriginLabels = {
  manual: '人工提出',
  record: '由记录自动提出',
  study: '学习签到',
} as const satisfies Record<TEntryOrigin, string>;

export type TRecordType = (typeof assessmentRecordTypeIds)[number];
export const recordTypeLabels = {
  deadline: '期限',
  suggestion: '检察建议',
  case: '案件',
  clue: '线索',
  studySession: '学习活动',
} as const satisfies Record<TRecordType, string>;

export type TAppealStatus = (typeof appealStatusIds)[number];
export const appealStatusLabels = {
  pending: '复核中',
  upheld: '维持',
  revoked: '撤销该条目',
} as const satisfies Record<TAppealStatus, string>;

/** Entries whose points count (the scoring reads these). */
export const effectiveEntryStatuses: readonly TEntryStatus[] = ['approved'];

// ─── the scheme ──────────────────────────────────────────────────────────────────────────────

export interface PointRule {
  /** 条款编号 within the scheme ("1" … "21"); unique. */
  code: string;
  category: TPointCategory;
  title: string;
  /** Points per entry: positive adds, negative deducts; never 0. */
  points: number;
  evidenceRequired: boolean;
  /** Largest absolute total one person may reach under the rule in the period; null: no cap. */
  capPerPeriod: number | null;
  proposer: TPointProposer;
  trigger: TPointTrigger | null;
}

export interface Indicator {
  /** Unique within the scheme. */
  code: string;
  name: string;
  dimension: TIndicatorDimension;
  unit: string;
  /** Percent of the performance score; the scheme's weights sum to 100. */
  weight: number;
  direction: TIndicatorDirection;
  source: TIndicatorSource;
  /** computed: a key of the computed-indicator catalogue (assessment/indicators.ts); entered: null. */
  computedKey: string | null;
}

export interface GradeBand {
  grade: TGrade;
  /** Lowest total score of the band (inclusive). */
  minScore: number;
  /** Largest share of the people assessed, in percent; null: no quota. */
  quotaPercent: number | null;
}

/** 难度系数 of one case type: its cases count this much each in 办案数. */
export interface Difficulty {
  caseType: string;
  coefficient: number;
}

export interface Scheme {
  /** Days after an entry takes effect within which its person may ask for 复核 once. */
  appealDays: number;
  pointRules: PointRule[];
  indicators: Indicator[];
  gradeBands: GradeBand[];
  /** 难度系数 by case type (a type left out counts 1.0); absent in an edit: kept as stored. */
  difficulty?: Difficulty[];
}

/** Sum in hundredths, so 33.33 + 33.33 + 33.34 is exactly 100. */
const hundredths = (n: number) => Math.round(n * 100);

const formatNumber = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Everything wrong with a scheme, in Chinese, one message per problem; empty when it may be saved.
 * Weights that do not sum to 100 are refused naming each indicator with its weight and the sum.
 */
export function schemeProblems(scheme: Scheme): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(scheme.appealDays) || scheme.appealDays < 1 || scheme.appealDays > 365)
    problems.push('复核期限应为 1 至 365 天');

  const ruleCodes = new Set<string>();
  for (const rule of scheme.pointRules) {
    const name = `积分条款 ${rule.code}「${rule.title}」`;
    if (ruleCodes.has(rule.code)) problems.push(`积分条款编号 ${rule.code} 重复`);
    ruleCodes.add(rule.code);
    if (rule.points === 0) problems.push(`${name}的分值不能为 0`);
    if (rule.capPerPeriod !== null && rule.capPerPeriod <= 0) problems.push(`${name}的每期上限应大于 0`);
    if (rule.capPerPeriod !== null && rule.capPerPeriod < Math.abs(rule.points))
      problems.push(`${name}的每期上限 ${formatNumber(rule.capPerPeriod)} 小于一次的分值`);
    const studyTrigger = rule.trigger !== null && rule.trigger in studySessionKindLabels;
    if (studyTrigger && rule.points < 0) problems.push(`${name}是学习签到加分，分值应为正数`);
    if ((rule.trigger === 'deadlineOverdue' || rule.trigger === 'suggestionReturned') && rule.points > 0)
      problems.push(`${name}由逾期或退回自动提出，分值应为负数`);
  }
  const triggers = scheme.pointRules.flatMap((r) => (r.trigger ? [r.trigger] : []));
  for (const trigger of new Set(triggers))
    if (triggers.filter((t) => t === trigger).length > 1)
      problems.push(`「${pointTriggerLabels[trigger]}」只能对应一条积分条款`);

  const indicatorCodes = new Set<string>();
  for (const indicator of scheme.indicators) {
    const name = `指标「${indicator.name}」`;
    if (indicatorCodes.has(indicator.code)) problems.push(`指标编号 ${indicator.code} 重复`);
    indicatorCodes.add(indicator.code);
    if (indicator.weight <= 0) problems.push(`${name}的权重应大于 0`);
    if (indicator.source === 'computed' && !indicator.computedKey)
      problems.push(`${name}为自动计算指标，须选择计算口径`);
    else if (indicator.source === 'computed' && !isComputedKey(indicator.computedKey))
      problems.push(`${name}的计算口径「${indicator.computedKey}」不在平台计算指标目录中`);
    if (indicator.source === 'entered' && indicator.computedKey)
      problems.push(`${name}为填报指标，不应设置计算口径`);
  }
  if (scheme.indicators.length > 0) {
    const sum = scheme.indicators.reduce((s, i) => s + hundredths(i.weight), 0);
    if (sum !== 10000) {
      const listed = scheme.indicators.map((i) => `${i.name} ${formatNumber(i.weight)}`).join('、');
      problems.push(`业绩指标权重合计应为 100，现为 ${formatNumber(sum / 100)}（${listed}）`);
    }
  }

  const grades = scheme.gradeBands.map((b) => b.grade);
  for (const grade of new Set(grades))
    if (grades.filter((g) => g === grade).length > 1) problems.push(`等次「${gradeLabels[grade]}」重复`);
  const ordered = [...scheme.gradeBands].sort(
    (a, b) => gradeOrder.indexOf(a.grade) - gradeOrder.indexOf(b.grade),
  );
  for (let i = 1; i < ordered.length; i++) {
    const higher = ordered[i - 1];
    const lower = ordered[i];
    if (higher && lower && lower.minScore >= higher.minScore)
      problems.push(
        `等次「${gradeLabels[lower.grade]}」的最低分应低于「${gradeLabels[higher.grade]}」的 ${formatNumber(higher.minScore)}`,
      );
  }
  for (const band of scheme.gradeBands)
    if (band.quotaPercent !== null && (band.quotaPercent <= 0 || band.quotaPercent > 100))
      problems.push(`等次「${gradeLabels[band.grade]}」的比例应在 0 至 100 之间`);
  const types = new Set<string>();
  for (const d of scheme.difficulty ?? []) {
    if (types.has(d.caseType)) problems.push(`案件类型「${d.caseType}」的难度系数重复`);
    types.add(d.caseType);
    if (!(d.coefficient > 0 && d.coefficient <= 10))
      problems.push(`案件类型「${d.caseType}」的难度系数应大于 0、不超过 10`);
  }
  return problems;
}

const gradeOrder: readonly TGrade[] = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];

// ─── periods: copy and freeze ───────────────────────────────────────────────────────────────

export interface PeriodHead {
  name: string;
  status: TPeriodStatus;
}

/**
 * The scheme a new period starts from: the last period's rules, indicators and bands as they
 * stand, deep-copied so editing the new one never touches the old.
 */
export function copyScheme(last: Scheme): Scheme {
  return {
    appealDays: last.appealDays,
    pointRules: last.pointRules.map((r) => ({ ...r })),
    indicators: last.indicators.map((i) => ({ ...i })),
    gradeBands: last.gradeBands.map((b) => ({ ...b })),
    difficulty: (last.difficulty ?? []).map((d) => ({ ...d })),
  };
}

/** Why a change to the period is refused, or null while it is open. */
export function frozenReason(period: PeriodHead): string | null {
  if (period.status === 'closed')
    return `考核周期「${period.name}」已关闭，其方案和条目不能再修改（已关闭周期的分数保持不变）`;
  return null;
}

// ─── who may propose ─────────────────────────────────────────────────────────────────────────

export type TProposerStanding = 'self' | 'departmentHead' | 'personnel';

/**
 * Whether someone may propose an entry under a rule: `self` rules anyone for themselves (and the
 * head or personnel for others), `departmentHead` rules a head for their department or personnel,
 * `personnel` rules personnel only.
 */
export function mayPropose(rule: Pick<PointRule, 'proposer'>, standing: TProposerStanding): boolean {
  const rank = { self: 0, departmentHead: 1, personnel: 2 } as const;
  return rank[standing] >= rank[rule.proposer];
}

// ─── appeals ─────────────────────────────────────────────────────────────────────────────────

/** Adds days to a YYYY-MM-DD date (calendar days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day an appeal may be filed: the effective day plus the scheme's appeal days. */
export function appealClosesOn(effectiveOn: string, appealDays: number): string {
  return addDays(effectiveOn, appealDays);
}

const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Why an appeal filed on `today` is refused, or null when it may be filed. */
export function appealRefusal(input: {
  effectiveOn: string | null;
  appealDays: number;
  today: string;
  alreadyAppealed: boolean;
}): string | null {
  if (input.effectiveOn === null) return '该条目尚未生效，生效后才能申请复核';
  if (input.alreadyAppealed) return '每个条目只能申请一次复核，该条目已申请过';
  const closes = appealClosesOn(input.effectiveOn, input.appealDays);
  if (input.today > closes) return `复核申请期限已于 ${chineseDate(closes)} 届满，不能再申请复核`;
  return null;
}

// ─── caps ────────────────────────────────────────────────────────────────────────────────────

export interface CountedEntry {
  userId: number;
  /** The rule's code, or null for an entry under no rule (a bonus or negative typed by hand). */
  ruleCode: string | null;
  points: number;
}

/**
 * Each person's points per rule, each rule's total held to its cap (a deduction to minus the
 * cap), and the person's sum. Entries under no rule count as they are.
 */
export function cappedTotals(
  entries: readonly CountedEntry[],
  rules: readonly Pick<PointRule, 'code' | 'capPerPeriod'>[],
): Map<number, { total: number; byRule: Map<string | null, number> }> {
  const capOf = new Map(rules.map((r) => [r.code, r.capPerPeriod]));
  const out = new Map<number, { total: number; byRule: Map<string | null, number> }>();
  for (const entry of entries) {
    let person = out.get(entry.userId);
    if (!person) {
      person = { total: 0, byRule: new Map() };
      out.set(entry.userId, person);
    }
    person.byRule.set(entry.ruleCode, (person.byRule.get(entry.ruleCode) ?? 0) + hundredths(entry.points));
  }
  for (const person of out.values()) {
    let total = 0;
    for (const [code, raw] of person.byRule) {
      const cap = code === null ? null : (capOf.get(code) ?? null);
      const held = cap === null ? raw : Math.max(-hundredths(cap), Math.min(hundredths(cap), raw));
      person.byRule.set(code, held / 100);
      total += held;
    }
    person.total = total / 100;
  }
  return out;
}

// ─── the example scheme ──────────────────────────────────────────────────────────────────────

/**
 * A scheme to start from, marked 示例 in every title: it shows the shape (the six disciplines and
 * 业务, computed and entered indicators, the four grades) and quotes no official text. Personnel
 * replace it with the procuratorate's own rules.
 */
export const exampleScheme: Scheme = {
  appealDays: 7,
  difficulty: Object.entries(exampleDifficulty).map(([caseType, coefficient]) => ({ caseType, coefficient })),
  pointRules: [
    rule('1', 'political', '（示例）参加第一议题学习', 1, false, 12, 'personnel', 'firstTopic'),
    rule('2', 'organisational', '（示例）参加党组会前学习', 1, false, 12, 'personnel', 'preMeetingStudy'),
    rule('3', 'organisational', '（示例）参加支部研讨', 1, false, 6, 'personnel', 'branchSeminar'),
    rule('4', 'integrity', '（示例）违反廉洁规定受到批评', -5, true, 20, 'personnel', null),
    rule('5', 'masses', '（示例）群众来信来访获书面表扬', 2, true, 6, 'self', null),
    rule('6', 'work', '（示例）办案期限逾期', -2, false, 10, 'departmentHead', 'deadlineOverdue'),
    rule('7', 'work', '（示例）检察建议审批被退回', -1, false, 5, 'departmentHead', 'suggestionReturned'),
    rule('8', 'life', '（示例）参加志愿服务活动', 1, true, 4, 'self', null),
    rule('9', 'business', '（示例）案件获评优秀案例', 3, true, 9, 'departmentHead', null),
  ],
  indicators: [
    indicator('Q1', '（示例）检察建议采纳率', 'quality', '%', 20, 'higher', 'suggestionAdoptionRate'),
    indicator('Q2', '（示例）期限按期率', 'quality', '%', 20, 'higher', 'deadlineOnTimeRate'),
    indicator('E1', '（示例）办案数（按难度系数折算）', 'efficiency', '件', 30, 'higher', 'casesHandled'),
    indicator('F1', '（示例）外部评价', 'effect', '分', 10, 'higher', null),
    indicator('F2', '（示例）理论调研（论文、获奖、课题）', 'effect', '项', 10, 'higher', null),
    indicator('F3', '（示例）挽回损失金额', 'effect', '元', 10, 'higher', 'moneyRecovered'),
  ],
  gradeBands: [
    { grade: 'excellent', minScore: 90, quotaPercent: 20 },
    { grade: 'competent', minScore: 70, quotaPercent: null },
    { grade: 'basicallyCompetent', minScore: 60, quotaPercent: null },
    { grade: 'incompetent', minScore: 0, quotaPercent: null },
  ],
};

function rule(
  code: string,
  category: TPointCategory,
  title: string,
  points: number,
  evidenceRequired: boolean,
  capPerPeriod: number | null,
  proposer: TPointProposer,
  trigger: TPointTrigger | null,
): PointRule {
  return { code, category, title, points, evidenceRequired, capPerPeriod, proposer, trigger };
}

function indicator(
  code: string,
  name: string,
  dimension: TIndicatorDimension,
  unit: string,
  weight: number,
  direction: TIndicatorDirection,
  computedKey: string | null,
): Indicator {
  const source: TIndicatorSource = computedKey ? 'computed' : 'entered';
  return { code, name, dimension, unit, weight, direction, source, computedKey };
}
