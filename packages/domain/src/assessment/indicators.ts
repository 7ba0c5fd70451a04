/**
 * 计算指标目录: the performance indicators the platform computes from its own records, each with its
 * definition (口径) written once here and shown to the person next to the value and in
 * docs/assessment.md (a test keeps the two equal). The SQL that implements a 口径 lives in
 * apps/server/src/assessment-scores/compute.ts, one query per key.
 *
 * Who "handled" a record (the attribution rule every 口径 states):
 * - a case, its outcomes, its deadlines, its dispute and supported-suit records: the case's 承办人
 *   (cases.handler_id) at the time of computation;
 * - a clue and its deadlines: the clue's 承办人 (clues.handler_id);
 * - a suggestion: its 起草人 (suggestions.created_by); its reply deadline follows the suggestion;
 * - a model hit: the person who reviewed it (collide_hits.reviewed_by);
 * - a juvenile follow-up visit: the plan's 承办人 (juvenile_follow_ups.handler_id, else its creator);
 * - an outreach event: the person who registered it (outreach_events.created_by).
 *
 * A period is [from, to) in China time (dates 'YYYY-MM-DD'; a timestamp counts on its China date).
 */

import { computedIndicatorKeyIds, indicatorDimensionIds, indicatorDirectionIds } from '../states.ts';

/** 质量 / 效率 / 效果 (高检发〔2020〕7号 的三类指标; 文件原文待核实): the one list in states.ts. */
export const dimensionIds = indicatorDimensionIds;
export type TDimension = (typeof dimensionIds)[number];
export const dimensionLabels: Record<TDimension, string> = {
  quality: '质量',
  efficiency: '效率',
  effect: '效果',
};

/** higher: more is better; lower: less is better (e.g. overdue deadlines). */
export const directionIds = indicatorDirectionIds;
export type TDirection = (typeof directionIds)[number];
export const directionLabels: Record<TDirection, string> = { higher: '越高越好', lower: '越低越好' };

/**
 * count / amount: additive over time (a person moved mid-period is compared pro rata to the days
 * in each department); rate: a share in percent, null when its base is zero (never divided by zero).
 */
export type TMeasure = 'count' | 'amount' | 'rate';

/** The catalogue's keys: the list in states.ts that the computed_key CHECK is built from. */
export const computedIndicatorKeys = computedIndicatorKeyIds;
export type TComputedKey = (typeof computedIndicatorKeys)[number];

/** Whether a stored computed_key names an indicator of the catalogue. */
export const isComputedKey = (key: string | null | undefined): key is TComputedKey =>
  typeof key === 'string' && (computedIndicatorKeys as readonly string[]).includes(key);

export interface ComputedIndicator {
  readonly key: TComputedKey;
  readonly name: string;
  readonly dimension: TDimension;
  readonly unit: string;
  readonly direction: TDirection;
  readonly measure: TMeasure;
  /** 口径: what is counted, from which records, attributed to whom, on which date. */
  readonly definition: string;
  /** Where the contributing records are listed in the web app (ids are appended as ?ids=1,2,3). */
  readonly listPath: string;
}

/** The procuratorate's own limits (deadlines/limits.ts); the others bind an addressee or a party. */
export const ownDeadlineLimitIds = [
  'clueAssessment',
  'caseHandlingToSuggestion',
  'caseClosureNotice',
  'suitDecisionAfterReply',
  'attendanceNoticeSubmission',
  'sealedRecordQueryDecision',
  'petitionProceduralReply',
  'petitionResultReply',
] as const;

/** The addressee's reply limits of a suggestion (repliesOnTime compares the reply with them). */
export const suggestionReplyLimitIds = [
  'preLitigationSuggestionReply',
  'generalSuggestionReply',
  'minorProtectionSuggestionReply',
] as const;

/**
 * 难度系数 by case type (示例: the procuratorate sets its own in the scheme). A type missing from a
 * scheme's table counts 1.0.
 */
export const exampleDifficulty: Readonly<Record<string, number>> = {
  adminPublicInterest: 1.2,
  civilPublicInterest: 1.5,
  adminViolation: 1.0,
  nonLitigationEnforcement: 0.8,
  supportedSuit: 1.0,
  adminDisputeResolution: 1.2,
  juvenileVictim: 1.0,
  juvenileSuspect: 1.2,
};

const indicators: readonly ComputedIndicator[] = [
  {
    key: 'casesHandled',
    name: '办案数（按难度系数折算）',
    dimension: 'efficiency',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人为承办人（案件当前承办人）、立案日期在考核期内的案件，按案件类型乘以方案的难度系数后相加；未列入难度系数表的类型按 1.0 计。某类型无案件即该类型计 0，不作除数。',
    listPath: '/cases',
  },
  {
    key: 'cluesOpened',
    name: '线索成案数',
    dimension: 'quality',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition: '本人为承办人、状态为“已立案”且决定立案日期在考核期内的线索件数。',
    listPath: '/clues',
  },
  {
    key: 'suggestionsIssued',
    name: '制发检察建议数',
    dimension: 'effect',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition: '本人起草、已编号发出且发出日期在考核期内的检察建议件数。',
    listPath: '/suggestions',
  },
  {
    key: 'suggestionsAdopted',
    name: '检察建议采纳数',
    dimension: 'effect',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人起草、被建议单位书面回复日期在考核期内、且整改评估为“全部整改”或“部分整改”的检察建议件数。',
    listPath: '/suggestions',
  },
  {
    key: 'suggestionsRectified',
    name: '检察建议整改到位数',
    dimension: 'effect',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition: '本人起草、书面回复日期在考核期内、且整改评估为“全部整改”的检察建议件数。',
    listPath: '/suggestions',
  },
  {
    key: 'suggestionAdoptionRate',
    name: '检察建议采纳率',
    dimension: 'quality',
    unit: '%',
    direction: 'higher',
    measure: 'rate',
    definition:
      '检察建议采纳数 ÷ 本人起草、书面回复日期在考核期内且已作整改评估的检察建议件数 × 100；无此类建议时为“无基数”，该项不计分、其权重按比例分配给其余指标。',
    listPath: '/suggestions',
  },
  {
    key: 'repliesOnTime',
    name: '按期回复数',
    dimension: 'efficiency',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人起草、书面回复日期在考核期内、且回复日期不晚于该建议回复期限到期日的检察建议件数（无回复期限记录的不计入）。',
    listPath: '/suggestions',
  },
  {
    key: 'deadlinesMet',
    name: '期限按期办结数',
    dimension: 'efficiency',
    unit: '项',
    direction: 'higher',
    measure: 'count',
    definition:
      '本院自身应遵守的期限（线索评估、立案后提出检察建议或终结案件、终结通知送达、回复期满后决定是否起诉、出庭通知书提交、封存记录查询决定、群众来信答复；被建议单位回复、诉前公告、当事人申请等他方期限不计入），归属案件或线索的承办人，到期日在考核期内、且完成日期不晚于到期日的项数；暂停中（无到期日）的期限不计入。',
    listPath: '/deadlines',
  },
  {
    key: 'deadlinesOverdue',
    name: '期限超期数',
    dimension: 'efficiency',
    unit: '项',
    direction: 'lower',
    measure: 'count',
    definition:
      '与“期限按期办结数”同一范围的期限中，到期日在考核期内且早于计算日，完成日期晚于到期日或至计算日仍未完成的项数；暂停中（无到期日）的期限不计入。',
    listPath: '/deadlines',
  },
  {
    key: 'deadlineOnTimeRate',
    name: '期限按期率',
    dimension: 'efficiency',
    unit: '%',
    direction: 'higher',
    measure: 'rate',
    definition:
      '期限按期办结数 ÷（期限按期办结数 + 期限超期数）× 100；两者均为 0 时为“无基数”，该项不计分、其权重按比例分配给其余指标。',
    listPath: '/deadlines',
  },
  {
    key: 'moneyRecovered',
    name: '挽回损失金额',
    dimension: 'effect',
    unit: '元',
    direction: 'higher',
    measure: 'amount',
    definition:
      '本人承办案件的办案成效中以金额计的各项（追回国有财产、追缴税款、追回欠薪、追回补贴资金、赔偿到位），登记日期在考核期内的金额之和。',
    listPath: '/cases',
  },
  {
    key: 'supportedSuits',
    name: '支持起诉件数',
    dimension: 'effect',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人承办的民事支持起诉案件中，“起诉立案”步骤日期在考核期内的案件数（一案多次起诉立案计一件）。',
    listPath: '/cases',
  },
  {
    key: 'supportedSuitAmount',
    name: '支持起诉到位金额',
    dimension: 'effect',
    unit: '元',
    direction: 'higher',
    measure: 'amount',
    definition: '本人承办的民事支持起诉案件中，申请人实际到位金额且到位日期在考核期内的金额之和。',
    listPath: '/cases',
  },
  {
    key: 'disputesResolved',
    name: '行政争议化解数',
    dimension: 'effect',
    unit: '件',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人承办的行政争议实质性化解案件中，化解结果为撤诉、和解、行政机关依法履职或息诉罢访，且结果日期在考核期内的案件数（“未化解”不计入）。',
    listPath: '/cases',
  },
  {
    key: 'modelHitsConfirmed',
    name: '模型线索核实数',
    dimension: 'quality',
    unit: '条',
    direction: 'higher',
    measure: 'count',
    definition: '本人审核、审核日期在考核期内、结论为“确认”或“转为线索”的大数据法律监督模型命中条数。',
    listPath: '/models',
  },
  {
    key: 'juvenileFollowUpsDone',
    name: '帮教回访完成数',
    dimension: 'effect',
    unit: '次',
    direction: 'higher',
    measure: 'count',
    definition:
      '本人承办的跟踪帮教计划（计划承办人，未指定时为登记人）中，完成日期在考核期内的回访次数。未检部门以外的查看者只见次数，不列记录。',
    listPath: '/juvenile/follow-ups',
  },
  {
    key: 'outreachEvents',
    name: '法治宣传活动数',
    dimension: 'effect',
    unit: '场',
    direction: 'higher',
    measure: 'count',
    definition: '本人登记、举办日期在考核期内的法治进校园、小小检察官体验、进社区活动场数。',
    listPath: '/outreach',
  },
];

export const computedIndicators: Readonly<Record<TComputedKey, ComputedIndicator>> = Object.fromEntries(
  indicators.map((indicator) => [indicator.key, indicator]),
) as Record<TComputedKey, ComputedIndicator>;

/** The catalogue in its fixed order (the docs, the profile and the exports list it this way). */
export const computedIndicatorList: readonly ComputedIndicator[] = computedIndicatorKeys.map(
  (key) => computedIndicators[key],
);
