import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { activeLock, clearFailures, countFailedAttempt, lockedError } from './failed-attempts.ts';
import type { SessionUser } from './load-user.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';

export async function changePassword(
  database: Database,
  options: {
    user: SessionUser;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    ip: string | null;
  },
): Promise<void> {
  const { user } = options;
  const [row] = await database.db.select().from(schema.users).where(eq(schema.users.id, user.id));
  const now = new Date();
  // Sessions survive a lock, so the lock is checked here too: a borrowed session cannot keep guessing.
  const lock =
    row &&
    (await activeLock(database.db, {
      userId: user.id,
      userLockedUntil: row.lockedUntil,
      ip: options.ip,
      now,
    }));
  if (lock) throw lockedError(lock);
  if (!row || !(await verifyPassword(row.passwordHash, options.currentPassword))) {
    // Counted like a failed login: a borrowed session must not allow unlimited guessing.
    const { lockedUntil } = await database.db.transaction((tx) =>
      countFailedAttempt(tx, {
        userId: user.id,
        actorName: user.displayName,
        ip: options.ip,
        now,
      }),
    );
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new DomainError('WRONG_CURRENT_PASSWORD', '当前密码不正确');
  }
  assertStrongPassword(options.newPassword, user.username);
  if (options.newPassword === options.currentPassword) {
    throw new DomainError('WEAK_PASSWORD', '新密码不能与当前密码相同');
  }
  const passwordHash = await hashPassword(options.newPassword);
  await database.db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(schema.users.id, user.id));
    await clearFailures(tx, user.id, options.ip);
    // Other sessions (another browser, a stolen cookie) end with the old password.
    await tx
      .delete(schema.sessions)
      .where(and(eq(schema.sessions.userId, user.id), ne(schema.sessions.id, options.sessionId)));
    await recordAudit(tx, {
      actor: { id: user.id, name: user.displayName },
      action: 'auth.changePassword',
      targetType: 'user',
      targetId: user.id,
      ip: options.ip,
    });
  });
}
