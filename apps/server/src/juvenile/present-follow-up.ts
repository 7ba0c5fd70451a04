import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { deadlineStatus } from '@procura/domain/deadlines/status';
import { followUpOutcomes, followUpSubjects, referralBodyKinds } from '@procura/domain/juvenile/follow-up';
import { maskName } from '@procura/domain/juvenile/mask';
import { asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import * as clock from '../clock.ts';
import type { TFollowUp } from './schema.ts';
import { mayViewFull } from './scope.ts';

const { juvenileFollowUps, juvenileFollowUpVisits, juvenileReferrals, departments, users, cases } = schema;

/**
 * Follow-up plans with their visits and referrals. A visit's status (临期, 逾期) comes from the
 * deadline engine's status rule on the holiday calendar; the minor's name is masked except for
 * the handler, the head and the chief.
 */
export async function loadFollowUps(
  db: Executor,
  where: SQL | undefined,
  user: SessionUser,
): Promise<TFollowUp[]> {
  const plans = await db
    .select({
      plan: juvenileFollowUps,
      department: { id: departments.id, name: departments.name },
      handler: { id: users.id, name: users.displayName },
      caseNumber: cases.caseNumber,
    })
    .from(juvenileFollowUps)
    .innerJoin(departments, eq(departments.id, juvenileFollowUps.departmentId))
    .leftJoin(users, eq(users.id, juvenileFollowUps.handlerId))
    .leftJoin(cases, eq(cases.id, juvenileFollowUps.caseId))
    .where(where)
    .orderBy(desc(juvenileFollowUps.startedOn), desc(juvenileFollowUps.id))
    .limit(500);
  const ids = plans.map((p) => p.plan.id);
  const [visits, referrals] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(juvenileFollowUpVisits)
          .where(inArray(juvenileFollowUpVisits.followUpId, ids))
          .orderBy(asc(juvenileFollowUpVisits.dueOn), asc(juvenileFollowUpVisits.id)),
        db
          .select()
          .from(juvenileReferrals)
          .where(inArray(juvenileReferrals.followUpId, ids))
          .orderBy(asc(juvenileReferrals.id)),
      ])
    : [[], []];
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(db, [year, year + 1]);
  return plans.map(({ plan, department, handler, caseNumber }) => {
    const own = visits
      .filter((v) => v.followUpId === plan.id)
      .map((v) => ({
        id: v.id,
        dueOn: v.dueOn,
        doneOn: v.doneOn,
        notes: v.notes,
        progress: v.progress,
        status:
          plan.closedAt && !v.doneOn
            ? ('done' as const)
            : deadlineStatus(v.dueOn, today, calendar, { completedOn: v.doneOn }),
      }));
    const full = mayViewFull(user, plan);
    return {
      id: plan.id,
      subject: plan.subject,
      subjectLabel: followUpSubjects[plan.subject],
      minorName: full ? plan.minorName : maskName(plan.minorName),
      goal: plan.goal,
      startedOn: plan.startedOn,
      department,
      handler: handler?.id ? { id: handler.id, name: handler.name } : null,
      case: plan.caseId && caseNumber ? { id: plan.caseId, caseNumber } : null,
      outcome: plan.outcome,
      outcomeLabel: plan.outcome ? followUpOutcomes[plan.outcome] : null,
      outcomeNote: plan.outcomeNote,
      closedAt: plan.closedAt?.toISOString() ?? null,
      nextDueOn: own.find((v) => !v.doneOn && v.status !== 'done')?.dueOn ?? null,
      dueSoon: own.filter((v) => v.status === 'dueSoon').length,
      overdue: own.filter((v) => v.status === 'overdue').length,
      visits: own,
      referrals: referrals
        .filter((r) => r.followUpId === plan.id)
        .map((r) => ({
          id: r.id,
          bodyKind: r.bodyKind,
          bodyKindLabel: referralBodyKinds[r.bodyKind],
          body: r.body,
          reason: r.reason,
          sentOn: r.sentOn,
          feedback: r.feedback,
          feedbackOn: r.feedbackOn,
        })),
    };
  });
}
