import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  addDays,
  countWorkingDays,
  deadlineStatus,
  type HolidayCalendar,
  type IsoDate,
} from '@procura/domain/deadlines/index';
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { type DueItem, horizonDays, nearness, owedState } from './due-item.ts';
import { dueSoonSent, overdueNotSent } from './sent-reminders.ts';

const { pilConsultations: consultations, cooperationAgreements: agreements, cases } = schema;

/**
 * 诉前磋商 whose agreed action falls due (整改期限) without a follow-up check recorded: 临期 within
 * 3 working days (the deadline engine's rule) and 逾期 after, told once each to the case's 承办人
 * (the department's heads when it has none). A recorded check ends the reminders.
 */
export async function findDueConsultationChecks(
  db: Executor,
  today: IsoDate,
  calendar: HolidayCalendar,
): Promise<DueItem[]> {
  const rows = await db
    .select({
      id: consultations.id,
      dueOn: consultations.actionDueOn,
      soonSent: dueSoonSent(db, 'consultationCheck', consultations.id),
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      handlerId: cases.handlerId,
      departmentId: cases.departmentId,
    })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      and(
        eq(consultations.kind, 'consultation'),
        isNotNull(consultations.actionDueOn),
        isNull(consultations.checkedOn),
        lte(consultations.actionDueOn, addDays(today, horizonDays)),
        overdueNotSent(db, 'consultationCheck', consultations.id),
      ),
    );
  return rows.flatMap((row): DueItem[] => {
    const dueOn = row.dueOn!;
    const state = owedState(deadlineStatus(dueOn, today, calendar), row.soonSent);
    if (!state) return [];
    return [
      {
        kind: 'consultationCheck',
        targetId: row.id,
        state,
        dueOn,
        handlerId: row.handlerId,
        departmentId: row.departmentId,
        text:
          state === 'dueSoon'
            ? `磋商跟进提醒：案件${row.caseNumber}诉前磋商约定的整改期限 ${dueOn} 将至（${nearness(countWorkingDays(today, dueOn, calendar))}），请届时跟进核查`
            : `磋商跟进逾期：案件${row.caseNumber}诉前磋商约定的整改期限 ${dueOn} 已过，尚未记录跟进核查`,
        link: `/cases/${row.caseId}`,
      },
    ];
  });
}

/**
 * The next 联席会议 of a 会签文件: 临期 within 3 working days and 逾期 after, told once per meeting
 * date to the prosecutor who registered the agreement (the heads when they are gone). Recording
 * the meeting moves the date on and clears the reminders sent for the old one.
 */
export async function findDueJointMeetings(
  db: Executor,
  today: IsoDate,
  calendar: HolidayCalendar,
): Promise<DueItem[]> {
  const rows = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      dueOn: agreements.nextMeetingOn,
      soonSent: dueSoonSent(db, 'jointMeeting', agreements.id),
      handlerId: agreements.createdBy,
      departmentId: agreements.departmentId,
    })
    .from(agreements)
    .where(
      and(
        isNotNull(agreements.nextMeetingOn),
        lte(agreements.nextMeetingOn, addDays(today, horizonDays)),
        overdueNotSent(db, 'jointMeeting', agreements.id),
      ),
    );
  return rows.flatMap((row): DueItem[] => {
    const dueOn = row.dueOn!;
    const state = owedState(deadlineStatus(dueOn, today, calendar), row.soonSent);
    if (!state) return [];
    return [
      {
        kind: 'jointMeeting',
        targetId: row.id,
        state,
        dueOn,
        handlerId: row.handlerId,
        departmentId: row.departmentId,
        text:
          state === 'dueSoon'
            ? `联席会议提醒：《${row.title}》约定的联席会议应于 ${dueOn} 召开（${nearness(countWorkingDays(today, dueOn, calendar))}）`
            : `联席会议逾期：《${row.title}》约定的联席会议应于 ${dueOn} 召开，尚未登记召开情况`,
        link: '/cooperation-agreements',
      },
    ];
  });
}
