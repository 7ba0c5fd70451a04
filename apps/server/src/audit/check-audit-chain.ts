import type { Db } from '@procura/db';
import type { SessionUser } from '../auth/load-user.ts';
import { actorOf, recordAudit } from './record-audit.ts';
import type { TAuditVerifyResult } from './schema.ts';
import { verifyAudit } from './verify-audit.ts';

/** Checks the audit chain for a user; who checked it, and what they were told, is itself on the record. */
export async function checkAuditChain(
  db: Db,
  options: { user: SessionUser; ip: string | null },
): Promise<TAuditVerifyResult> {
  const result = await verifyAudit(db);
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'audit.verify',
      ip: options.ip,
      detail: { ok: result.ok, checked: result.checked, brokenId: result.broken?.id ?? null },
    }),
  );
  return result;
}
