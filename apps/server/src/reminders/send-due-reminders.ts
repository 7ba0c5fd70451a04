import type { Database } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { proposeFromOverdueDeadlines } from '../assessment/proposals.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { DueItem, ReminderKind, ReminderState } from './due-item.ts';
import { findDueDeadlines } from './find-due-deadlines.ts';
import { findDueConsultationChecks, findDueJointMeetings } from './find-due-pil.ts';
import { findDueVisits } from './find-due-visits.ts';
import { sendReminder } from './send-reminder.ts';

export interface SentReminder {
  kind: ReminderKind;
  targetId: number;
  state: ReminderState;
  userIds: number[];
}

/**
 * One tick: every open deadline and every 跟踪帮教 visit that is 临期 or 逾期 on `now`'s day in
 * China, and not yet reminded in that state, is reminded to the person who answers for it. Each
 * item is its own transaction, so one failure does not hold back the others' reminders.
 */
export async function sendDueReminders(database: Database, now: Date): Promise<SentReminder[]> {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(database.db, [year, year + 1]);
  const items: DueItem[] = [
    ...(await findDueDeadlines(database.db, today, calendar)),
    ...(await findDueVisits(database.db, today, calendar)),
    ...(await findDueConsultationChecks(database.db, today, calendar)),
    ...(await findDueJointMeetings(database.db, today, calendar)),
  ];
  const sent: SentReminder[] = [];
  const failures: unknown[] = [];
  for (const item of items) {
    try {
      const userIds = await sendReminder(database, item, now);
      if (userIds.length > 0)
        sent.push({ kind: item.kind, targetId: item.targetId, state: item.state, userIds });
    } catch (error) {
      failures.push(error);
    }
  }
  // 负面清单: an overdue deadline also proposes its entry, for the department head to confirm.
  try {
    await proposeFromOverdueDeadlines(database, today);
  } catch (error) {
    failures.push(error);
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} 条期限提醒发送失败，下次检查时重试`);
  return sent;
}
