import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { formatCaseNumber } from '@procura/domain/cases/case-number';
import { eq, sql } from 'drizzle-orm';

const { docNumberCounters: counters } = schema;

/**
 * Takes the next 文号 of a series (公益建…) inside the caller's transaction, like case numbers: the
 * upsert locks the counter row until commit, so concurrent issuers queue, and a rollback returns
 * the number. Call it before recordAudit: the audit lock is always taken last.
 */
export async function allocateDocNumber(
  tx: Executor,
  series: { code: string; year: number },
): Promise<{ docNumber: string; seq: number }> {
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
  return { docNumber: formatCaseNumber({ shortName: procuratorate?.shortName ?? '', ...series, seq }), seq };
}
