import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { auditHash, genesisHash } from '@procura/domain/audit-chain';
import { desc, sql } from 'drizzle-orm';
import { now } from '../clock.ts';

export interface AuditActor {
  id: number | null;
  name: string;
}

export interface AuditInput {
  actor: AuditActor;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit chain. Call it inside the transaction of the change it
 * records, so a change and its audit entry are committed together or not at all.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  // Serialise appenders: each entry must chain to the one committed just before it.
  await tx.execute(sql`select pg_advisory_xact_lock(7302)`);
  const [last] = await tx
    .select({ id: schema.auditLog.id, hash: schema.auditLog.hash })
    .from(schema.auditLog)
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const entry = {
    id: (last?.id ?? 0) + 1,
    at: now(),
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId == null ? null : String(input.targetId),
    ip: input.ip ?? null,
    detail: input.detail ?? {},
  };
  await tx.insert(schema.auditLog).values({ ...entry, prevHash, hash: auditHash(prevHash, entry) });
}

export const actorOf = (user: { id: number; displayName: string }): AuditActor => ({
  id: user.id,
  name: user.displayName,
});
