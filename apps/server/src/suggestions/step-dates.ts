import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate, chinaDayStart } from '@procura/domain/china-time';
import { and, desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

/**
 * Where a step known only by its day (送达, 回复) goes on the case timeline.
 *
 * A day before the suggestion was issued cannot have happened after it: such a date is refused,
 * unless it is entered as 补录 (a paper suggestion recorded afterwards) with a reason. A 补录 is
 * placed at the moment it is entered, so the timeline never shows a delivery before 立案 or before
 * the 签发; it keeps its own day and reason, which the timeline shows. Any other day is placed at
 * its start, but never before the step it follows. The timeline shows the day without a time.
 */
export function placeStepDay(options: {
  field: string;
  label: string;
  day: string;
  issuedAt: Date | null;
  /** The previous step's instant: the new one never sorts before it. */
  after: Date | null;
  lateEntryReason: string | undefined;
  now: Date;
}): { at: Date; data: { day: string; lateEntryReason?: string } } {
  const { field, label, day, issuedAt, after, now } = options;
  const issuedOn = issuedAt ? chinaDate(issuedAt) : null;
  if (issuedOn && day < issuedOn) {
    const reason = options.lateEntryReason?.trim();
    if (!reason) {
      throw new DomainError(
        'VALIDATION',
        `字段 ${field}：${label} ${day} 早于签发日期 ${issuedOn}；如系事后补录，请填写补录理由`,
      );
    }
    return { at: now, data: { day, lateEntryReason: reason } };
  }
  const start = chinaDayStart(day);
  const floor = after ?? issuedAt;
  return { at: floor && floor > start ? floor : start, data: { day } };
}

/** The instant of the suggestion's delivery on the timeline, if recorded. */
export async function deliveryInstant(
  tx: Executor,
  caseId: number,
  suggestionId: number,
): Promise<Date | null> {
  const [found] = await tx
    .select({ at: schema.caseEvents.at })
    .from(schema.caseEvents)
    .where(
      and(
        eq(schema.caseEvents.caseId, caseId),
        eq(schema.caseEvents.kind, 'suggestionDelivered'),
        sql`(${schema.caseEvents.data} ->> 'suggestionId')::int = ${suggestionId}`,
      ),
    )
    .orderBy(desc(schema.caseEvents.at))
    .limit(1);
  return found?.at ?? null;
}
