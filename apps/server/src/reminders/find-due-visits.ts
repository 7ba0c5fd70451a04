import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  addDays,
  countWorkingDays,
  deadlineStatus,
  type HolidayCalendar,
  type IsoDate,
} from '@procura/domain/deadlines/index';
import { maskName } from '@procura/domain/juvenile/mask';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { type DueItem, horizonDays, nearness, owedState } from './due-item.ts';
import { dueSoonSent, overdueNotSent } from './sent-reminders.ts';

const { juvenileFollowUps: plans, juvenileFollowUpVisits: visits, cases } = schema;

/**
 * 跟踪帮教 visits not yet made, of plans still open, that are 临期 (within 3 working days, the
 * deadline engine's rule, as the follow-up page shows) or 逾期, not yet reminded in that state.
 * The minor is named masked only (张*): notifications are not the audited full view.
 */
export async function findDueVisits(
  db: Executor,
  today: IsoDate,
  calendar: HolidayCalendar,
): Promise<DueItem[]> {
  const rows = await db
    .select({
      id: visits.id,
      dueOn: visits.dueOn,
      soonSent: dueSoonSent(db, 'followUpVisit', visits.id),
      handlerId: plans.handlerId,
      departmentId: plans.departmentId,
      minorName: plans.minorName,
      caseNumber: cases.caseNumber,
    })
    .from(visits)
    .innerJoin(plans, eq(plans.id, visits.followUpId))
    .leftJoin(cases, eq(cases.id, plans.caseId))
    .where(
      and(
        isNull(visits.doneOn),
        isNull(plans.closedAt),
        lte(visits.dueOn, addDays(today, horizonDays)),
        overdueNotSent(db, 'followUpVisit', visits.id),
      ),
    );
  const items: DueItem[] = [];
  for (const row of rows) {
    const state = owedState(deadlineStatus(row.dueOn, today, calendar), row.soonSent);
    if (!state) continue;
    const who = `帮教对象${maskName(row.minorName)}${row.caseNumber ? `（案件${row.caseNumber}）` : ''}`;
    items.push({
      kind: 'followUpVisit',
      targetId: row.id,
      state,
      dueOn: row.dueOn,
      handlerId: row.handlerId,
      departmentId: row.departmentId,
      text:
        state === 'dueSoon'
          ? `回访提醒：${who}的帮教回访将于 ${row.dueOn} 到期（${nearness(countWorkingDays(today, row.dueOn, calendar))}），请按时回访`
          : `回访逾期：${who}的帮教回访应于 ${row.dueOn} 完成，现已逾期，请尽快回访并记录`,
      link: '/juvenile/follow-ups',
    });
  }
  return items;
}
