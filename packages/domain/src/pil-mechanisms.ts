import type { cooperationMechanismIds, pilCheckResultIds, pilConsultationKindIds } from './states.ts';

/** 磋商 and 圆桌会议 on a public-interest case. */
export const pilConsultationKinds = {
  consultation: '诉前磋商',
  roundTable: '圆桌会议',
} as const satisfies Record<(typeof pilConsultationKindIds)[number], string>;
export type TPilConsultationKind = keyof typeof pilConsultationKinds;

/** 跟进监督: what the check found of the action the organ agreed to take. */
export const pilCheckResults = {
  done: '已整改到位',
  partlyDone: '部分整改',
  notDone: '未整改',
} as const satisfies Record<(typeof pilCheckResultIds)[number], string>;
export type TPilCheckResult = keyof typeof pilCheckResults;

/** The case types a consultation or round table may be recorded on. */
export const pilCaseTypes = ['adminPublicInterest', 'civilPublicInterest'] as const;

/**
 * The state of the agreed action: 已核查 once checked; otherwise 逾期 after its deadline
 * (the day itself still counts), else 待核查. No deadline (a round table) → null.
 */
export function agreedActionState(
  row: { actionDueOn: string | null; checkedOn: string | null },
  today: string,
): 'checked' | 'overdue' | 'pending' | null {
  if (row.checkedOn) return 'checked';
  if (!row.actionDueOn) return null;
  return row.actionDueOn < today ? 'overdue' : 'pending';
}

/** 会签文件 mechanisms. */
export const cooperationMechanisms = {
  infoSharing: '信息共享',
  clueTransfer: '线索移送',
  jointMeeting: '联席会议',
  jointInvestigation: '联合调查',
  expertise: '专业支持（鉴定评估）',
  restoration: '生态修复协作',
  other: '其他',
} as const satisfies Record<(typeof cooperationMechanismIds)[number], string>;
export type TCooperationMechanism = keyof typeof cooperationMechanisms;

/** The same day `months` later ('2026-01-31' + 1 → '2026-02-28'): the next joint meeting. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
