import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { parseCaseRecord } from '@procura/domain/juvenile/case-records';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail } from './schema.ts';

/** Replaces a record's data (a correction); the old data goes to the audit log. */
export async function updateCaseRecord(
  database: Database,
  options: { id: number; data: Record<string, unknown>; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { user } = options;
  const [existing] = await database.db
    .select()
    .from(schema.juvenileCaseRecords)
    .where(eq(schema.juvenileCaseRecords.id, options.id));
  if (!existing) throw notFound('办案记录');
  const parsed = parseCaseRecord(existing.kind, options.data);
  if (!parsed.ok) throw new DomainError('VALIDATION', parsed.message);
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, existing.caseId, user, { lock: true });
    assertOpen(row);
    await tx
      .update(schema.juvenileCaseRecords)
      .set({ data: parsed.data, updatedAt: now() })
      .where(eq(schema.juvenileCaseRecords.id, existing.id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.updateRecord',
      targetType: 'case',
      targetId: existing.caseId,
      ip: options.ip,
      detail: { recordId: existing.id, kind: existing.kind, before: existing.data },
    });
  });
  return getJuvenileCase(database, { id: existing.caseId, user, full: false, ip: options.ip });
}
