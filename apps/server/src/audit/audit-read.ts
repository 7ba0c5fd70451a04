import type { Database } from '@procura/db';
import type { SessionUser } from '../auth/load-user.ts';
import { actorOf, recordAudit } from './record-audit.ts';

/**
 * Writes one audit entry for a read that returned personal data (a minor's record, a sealed
 * record, people hit by a model, letters with contact details): for a list, one entry naming the
 * ids shown; for one record, its id. A list that showed nothing leaves no entry. The read has
 * already happened, so the entry commits on its own.
 */
export async function auditRead(
  database: Database,
  options: {
    user: Pick<SessionUser, 'id' | 'displayName'>;
    ip: string | null;
    action: string;
    targetType: string;
    /** One record read. */
    targetId?: number | string;
    /** The records a list showed. */
    ids?: readonly (number | string)[];
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  if (options.targetId === undefined && (options.ids ?? []).length === 0) return;
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.user),
      action: options.action,
      targetType: options.targetType,
      targetId: options.targetId ?? null,
      ip: options.ip,
      detail: { ...(options.ids ? { ids: [...options.ids] } : {}), ...options.detail },
    }),
  );
}

/** Runs a read, audits what it returned, and hands the result on. */
export async function audited<T>(
  database: Database,
  read: Promise<T>,
  describe: (result: T) => Parameters<typeof auditRead>[1] | null,
): Promise<T> {
  const result = await read;
  const entry = describe(result);
  if (entry) await auditRead(database, entry);
  return result;
}
