import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { formatCaseNumber } from '@procura/domain/cases/case-number';
import { eq, sql } from 'drizzle-orm';

/** Case numbers (案号) and document numbers (文号, e.g. 公益建) are counted in separate tables. */
const counterTables = { case: schema.caseNumberCounters, document: schema.docNumberCounters };

/**
 * Takes the next number of a series inside the caller's transaction. The upsert locks the counter
 * row until commit, so concurrent openers or issuers queue; a rollback returns the number with the
 * increment. Call it before recordAudit: the audit lock is always taken last.
 */
export async function allocateNumber(
  tx: Executor,
  kind: keyof typeof counterTables,
  series: { code: string; year: number },
): Promise<{ number: string; seq: number }> {
  const counters = counterTables[kind];
  const [row] = await tx
    .insert(counters)
    .values({ year: series.year, code: series.code, last: 1 })
    .onConflictDoUpdate({ target: [counters.year, counters.code], set: { last: sql`${counters.last} + 1` } })
    .returning({ last: counters.last });
  const [procuratorate] = await tx
    .select({ shortName: schema.procuratorate.shortName })
    .from(schema.procuratorate)
    .where(eq(schema.procuratorate.id, 1));
  const seq = row!.last;
  return { number: formatCaseNumber({ shortName: procuratorate?.shortName ?? '', ...series, seq }), seq };
}
