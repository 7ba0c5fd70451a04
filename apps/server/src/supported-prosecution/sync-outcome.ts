import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { formatOutcome, outcomeKinds, type TOutcomeKind } from '@procura/domain/cases/outcomes';
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import type { TSupportClaimKind } from './schema.ts';

const {
  caseEvents,
  caseOutcomes,
  supportedProsecutions,
  supportedProsecutionApplicants: applicants,
} = schema;

/** The outcome kind money recovered for this kind of claim counts as. */
export function amountOutcomeKind(claimKind: TSupportClaimKind): TOutcomeKind {
  return claimKind === 'labourPay' ? 'wagesRecovered' : 'compensationPaid';
}

const computedNote = '由申请人追回金额合计自动计算';

/**
 * Keeps the case's 办案成效 equal to its applicants: the money outcome is the sum of their
 * recovered amounts and 帮助群众 the number who recovered anything, so the total is never typed a
 * second time. Runs in the transaction that changed an applicant; writes a timeline event when a
 * figure changed. The supported-prosecution record exists (callers require it).
 */
export async function syncOutcomes(
  tx: Executor,
  caseId: number,
  user: SessionUser,
  /** What changed, for the timeline (申请人侯某追回 17,000.00 元…). */
  what?: string,
): Promise<void> {
  const [record] = await tx
    .select()
    .from(supportedProsecutions)
    .where(eq(supportedProsecutions.caseId, caseId))
    .for('update');
  if (!record) return;
  const [totals] = await tx
    .select({
      amount: sql<string>`coalesce(sum(${applicants.recoveredFen}), 0)`,
      people: sql<number>`count(*) filter (where ${applicants.recoveredFen} > 0)::int`,
    })
    .from(applicants)
    .where(eq(applicants.caseId, caseId));
  const amountFen = Number(totals!.amount);
  const people = totals!.people;
  const amountKind = amountOutcomeKind(record.claimKind);

  const changes: string[] = [];
  const keep = async (
    outcomeId: number | null,
    kind: TOutcomeKind,
    value: { amountFen: number | null; count: number | null },
    present: boolean,
  ): Promise<number | null> => {
    const [current] = outcomeId
      ? await tx.select().from(caseOutcomes).where(eq(caseOutcomes.id, outcomeId))
      : [];
    if (!present) {
      if (current) {
        changes.push(`${outcomeKinds[current.kind].label}：无`);
        return -current.id;
      }
      return null;
    }
    if (
      current &&
      current.kind === kind &&
      current.amountFen === value.amountFen &&
      current.count === value.count
    )
      return current.id;
    changes.push(`${outcomeKinds[kind].label}：${formatOutcome(kind, value)}`);
    if (current) {
      await tx
        .update(caseOutcomes)
        .set({ kind, ...value })
        .where(eq(caseOutcomes.id, current.id));
      return current.id;
    }
    const [inserted] = await tx
      .insert(caseOutcomes)
      .values({ caseId, kind, ...value, note: computedNote, recordedBy: user.id })
      .returning({ id: caseOutcomes.id });
    return inserted!.id;
  };
  const amountId = await keep(record.amountOutcomeId, amountKind, { amountFen, count: null }, amountFen > 0);
  const peopleId = await keep(
    record.peopleOutcomeId,
    'peopleHelped',
    { amountFen: null, count: people },
    people > 0,
  );
  await tx
    .update(supportedProsecutions)
    .set({
      amountOutcomeId: amountId !== null && amountId > 0 ? amountId : null,
      peopleOutcomeId: peopleId !== null && peopleId > 0 ? peopleId : null,
    })
    .where(eq(supportedProsecutions.caseId, caseId));
  // An outcome whose figure fell to nothing goes once nothing refers to it.
  for (const gone of [amountId, peopleId]) {
    if (gone !== null && gone < 0) await tx.delete(caseOutcomes).where(eq(caseOutcomes.id, -gone));
  }
  if (changes.length === 0 && !what) return;
  const summary = changes.length > 0 ? `${changes.join('；')}（${computedNote}）` : '';
  await tx.insert(caseEvents).values({
    caseId,
    kind: 'outcomeRecorded',
    at: now(),
    actorId: user.id,
    actorName: user.displayName,
    note: what ? `${what}${summary ? `。合计 ${summary}` : ''}` : summary,
    data: { computed: true, amountKind, amountFen, people },
  });
}

/**
 * A hand-typed outcome the applicants already compute would count the money twice: refused for a
 * supported-prosecution case that has its record (the figures follow the applicants' list).
 */
export async function refuseTypedComputedOutcome(
  tx: Executor,
  caseId: number,
  kind: TOutcomeKind,
): Promise<void> {
  const [record] = await tx
    .select({ claimKind: supportedProsecutions.claimKind })
    .from(supportedProsecutions)
    .where(eq(supportedProsecutions.caseId, caseId));
  if (!record || (kind !== amountOutcomeKind(record.claimKind) && kind !== 'peopleHelped')) return;
  throw new DomainError(
    'VALIDATION',
    `「${outcomeKinds[kind].label}」由申请人追回金额合计自动计算，请在申请人名单中逐人记录追回金额，不再另行填写`,
  );
}
