import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { deleteUserSessions } from './sessions.ts';

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60 * 1000;

/**
 * Counts one wrong password (at login or when changing it) and locks the account at the fifth.
 * The increment happens in the database, so parallel guesses cannot all read the same count.
 */
export async function countFailedAttempt(
  tx: Executor,
  options: { userId: number; actorName: string; ip: string | null; now: Date },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const [row] = await tx
    .update(schema.users)
    .set({ failedLogins: sql`${schema.users.failedLogins} + 1` })
    .where(eq(schema.users.id, options.userId))
    .returning({ failures: schema.users.failedLogins });
  const failures = row?.failures ?? 1;
  const lockedUntil = failures >= maxFailedLogins ? new Date(options.now.getTime() + lockoutMs) : null;
  if (lockedUntil) {
    await tx
      .update(schema.users)
      .set({ failedLogins: 0, lockedUntil })
      .where(eq(schema.users.id, options.userId));
    await deleteUserSessions(tx, options.userId);
  }
  await recordAudit(tx, {
    actor: { id: options.userId, name: options.actorName },
    action: lockedUntil ? 'auth.locked' : 'auth.loginFailed',
    targetType: 'user',
    targetId: options.userId,
    ip: options.ip,
    detail: { failures },
  });
  return { failures, lockedUntil };
}

export function lockedError(until: Date): DomainError {
  const time = until.toLocaleTimeString('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  return new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请于 ${time} 后重试`, {
    lockedUntil: until.toISOString(),
  });
}
