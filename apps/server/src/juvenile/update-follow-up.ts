import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import type { TFollowUpOutcome, TReferralBodyKind } from '@procura/domain/juvenile/follow-up';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { getFollowUp, lockFollowUp } from './list-follow-ups.ts';
import type { TFollowUp } from './schema.ts';

const { juvenileFollowUpVisits: visits, juvenileReferrals: referrals, juvenileFollowUps: plans } = schema;

export type FollowUpChange =
  | { kind: 'visit'; visitId: number; doneOn: string; notes: string; progress: string }
  | { kind: 'addVisit'; dueOn: string }
  | { kind: 'close'; outcome: TFollowUpOutcome; note?: string }
  | { kind: 'refer'; bodyKind: TReferralBodyKind; body: string; reason: string; sentOn: string }
  | { kind: 'referralFeedback'; referralId: number; feedback: string; feedbackOn: string };

const auditAction = {
  visit: 'juvenile.recordVisit',
  addVisit: 'juvenile.recordVisit',
  close: 'juvenile.closeFollowUp',
  refer: 'juvenile.refer',
  referralFeedback: 'juvenile.referralFeedback',
} as const;

/**
 * Every change to a follow-up plan: a visit done (notes, progress), one more visit due, a
 * referral to an education or civil-affairs body and its feedback, and closing with the outcome.
 */
export async function updateFollowUp(
  database: Database,
  options: { id: number; change: FollowUpChange; user: SessionUser; ip: string | null },
): Promise<TFollowUp> {
  const { id, change, user } = options;
  await database.db.transaction(async (tx) => {
    const plan = await lockFollowUp(tx, id, user);
    if (plan.closedAt) throw new DomainError('CONFLICT', '该帮教计划已结案，不能再修改');
    if (change.kind === 'visit') {
      const [visit] = await tx
        .select()
        .from(visits)
        .where(and(eq(visits.id, change.visitId), eq(visits.followUpId, id)));
      if (!visit) throw notFound('回访');
      if (change.doneOn < plan.startedOn)
        throw new DomainError('VALIDATION', '字段 doneOn：回访日期不能早于帮教开始日期');
      await tx
        .update(visits)
        .set({ doneOn: change.doneOn, notes: change.notes, progress: change.progress, recordedBy: user.id })
        .where(eq(visits.id, visit.id));
    } else if (change.kind === 'addVisit') {
      if (change.dueOn < plan.startedOn)
        throw new DomainError('VALIDATION', '字段 dueOn：回访日期不能早于帮教开始日期');
      await tx.insert(visits).values({ followUpId: id, dueOn: change.dueOn });
    } else if (change.kind === 'close') {
      await tx
        .update(plans)
        .set({ outcome: change.outcome, outcomeNote: change.note ?? null, closedAt: now() })
        .where(eq(plans.id, id));
    } else if (change.kind === 'refer') {
      await tx.insert(referrals).values({
        followUpId: id,
        bodyKind: change.bodyKind,
        body: change.body,
        reason: change.reason,
        sentOn: change.sentOn,
        sentBy: user.id,
      });
    } else {
      const [referral] = await tx
        .select()
        .from(referrals)
        .where(and(eq(referrals.id, change.referralId), eq(referrals.followUpId, id)));
      if (!referral) throw notFound('转介');
      if (change.feedbackOn < referral.sentOn) {
        throw new DomainError('VALIDATION', '字段 feedbackOn：反馈日期不能早于转介日期');
      }
      await tx
        .update(referrals)
        .set({ feedback: change.feedback, feedbackOn: change.feedbackOn })
        .where(eq(referrals.id, referral.id));
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: auditAction[change.kind],
      targetType: 'juvenileFollowUp',
      targetId: id,
      ip: options.ip,
      detail: change,
    });
  });
  return getFollowUp(database.db, id, user);
}
