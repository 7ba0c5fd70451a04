import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaClock } from '@procura/domain/china-time';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';

/** 等保 2.0: five wrong passwords lock the account (here: for the address they came from). */
export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60 * 1000;
/** Wrong passwords from this many addresses within one lock-out period lock the account everywhere. */
export const maxFailingAddresses = 5;

const { loginFailures, users } = schema;
const addressKey = (ip: string | null) => ip ?? '';

/**
 * The lock that applies to a login from this address: the account's own (wrong passwords from
 * many addresses) or the one of this address. Null when the attempt may go ahead.
 */
export async function activeLock(
  db: Executor,
  options: { userId: number; userLockedUntil: Date | null; ip: string | null; now: Date },
): Promise<Date | null> {
  if (options.userLockedUntil && options.userLockedUntil > options.now) return options.userLockedUntil;
  const [row] = await db
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.userId, options.userId),
        eq(loginFailures.ip, addressKey(options.ip)),
        gt(loginFailures.lockedUntil, options.now),
      ),
    );
  return row?.lockedUntil ?? null;
}

/**
 * Counts one wrong password (at login or when changing it) per account and client address. The
 * fifth from one address locks the account for that address only; wrong passwords from five
 * addresses within a lock-out period lock it for everyone. A lock never ends open sessions: the
 * holder, already signed in, keeps working while someone else guesses. The increment happens in
 * the database, so parallel guesses cannot all read the same count.
 */
export async function countFailedAttempt(
  tx: Executor,
  options: { userId: number; actorName: string; ip: string | null; now: Date },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const { userId, now } = options;
  const ip = addressKey(options.ip);
  const [row] = await tx
    .insert(loginFailures)
    .values({ userId, ip, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: [loginFailures.userId, loginFailures.ip],
      // A lock that has passed starts the count afresh.
      set: {
        failures: sql`case when ${loginFailures.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${loginFailures.failures} + 1 end`,
        lockedUntil: sql`case when ${loginFailures.lockedUntil} <= ${now.toISOString()}::timestamptz then null else ${loginFailures.lockedUntil} end`,
        lastFailedAt: now,
      },
    })
    .returning({ failures: loginFailures.failures });
  const failures = row?.failures ?? 1;
  let lockedUntil: Date | null = null;
  let scope: 'address' | 'account' | null = null;
  if (failures >= maxFailedLogins) {
    lockedUntil = new Date(now.getTime() + lockoutMs);
    scope = 'address';
    await tx
      .update(loginFailures)
      .set({ failures: 0, lockedUntil })
      .where(and(eq(loginFailures.userId, userId), eq(loginFailures.ip, ip)));
  }
  const [addresses] = await tx
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.userId, userId),
        gt(loginFailures.lastFailedAt, new Date(now.getTime() - lockoutMs)),
      ),
    );
  if ((addresses?.n ?? 0) >= maxFailingAddresses) {
    lockedUntil = new Date(now.getTime() + lockoutMs);
    scope = 'account';
    await tx.update(users).set({ lockedUntil }).where(eq(users.id, userId));
  }
  await recordAudit(tx, {
    actor: { id: userId, name: options.actorName },
    action: lockedUntil ? 'auth.locked' : 'auth.loginFailed',
    targetType: 'user',
    targetId: userId,
    ip: options.ip,
    detail: scope ? { failures, scope } : { failures },
  });
  return { failures, lockedUntil };
}

/** After a right password from this address, its count starts again. */
export async function clearFailures(db: Executor, userId: number, ip: string | null): Promise<void> {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.userId, userId), eq(loginFailures.ip, addressKey(ip))));
}

/** A reset by the administrator unlocks the account everywhere. */
export async function unlockAccount(db: Executor, userId: number): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.userId, userId));
  await db.update(users).set({ lockedUntil: null }).where(eq(users.id, userId));
}

export function lockedError(until: Date): DomainError {
  const time = chinaClock(until);
  return new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请于 ${time} 后重试`, {
    lockedUntil: until.toISOString(),
  });
}
