import type { DeadlineStatus, IsoDate } from '@procura/domain/deadlines/index';

/** Three working days never span more calendar days than this, even across 春节 or 国庆. */
export const horizonDays = 31;

export type ReminderKind = 'deadline' | 'followUpVisit' | 'consultationCheck' | 'jointMeeting';
export type ReminderState = 'dueSoon' | 'overdue';

/** Something that has become 临期 or 逾期 today, with who answers for it and what to tell them. */
export interface DueItem {
  kind: ReminderKind;
  targetId: number;
  state: ReminderState;
  dueOn: IsoDate;
  /** The assigned handler; when none (or disabled) the heads of the department are told. */
  handlerId: number | null;
  departmentId: number;
  text: string;
  link: string;
}

/** "还有 2 个工作日" / "今天到期": how near a 临期 due date is, in the engine's working days. */
export function nearness(workingDaysLeft: number): string {
  return workingDaysLeft <= 0 ? '今天到期' : `还有 ${workingDaysLeft} 个工作日`;
}

/** The reminder an item is owed today: 逾期 (the query leaves out items already told), 临期 once. */
export function owedState(status: DeadlineStatus, dueSoonSent: boolean): ReminderState | null {
  if (status === 'overdue') return 'overdue';
  return status === 'dueSoon' && !dueSoonSent ? 'dueSoon' : null;
}
