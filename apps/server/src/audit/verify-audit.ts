import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { findChainBreak, genesisHash } from '@procura/domain/audit-chain';
import { asc, gt } from 'drizzle-orm';
import type { TAuditVerifyResult } from './schema.ts';

const batchSize = 2000;

/** Walks the whole chain in id order, in batches, and names the first entry that does not hold. */
export async function verifyAudit(db: Executor): Promise<TAuditVerifyResult> {
  let prevHash = genesisHash;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.id, afterId))
      .orderBy(asc(schema.auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, broken: null };
    const broken = findChainBreak(rows, prevHash);
    if (broken) {
      const before = rows.findIndex((row) => row.id === broken.id);
      return { ok: false, checked: checked + before, broken };
    }
    const last = rows[rows.length - 1]!;
    prevHash = last.hash;
    afterId = last.id;
    checked += rows.length;
  }
}
