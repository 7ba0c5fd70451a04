import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { activeLock, clearFailures, countFailedAttempt, lockedError } from './failed-attempts.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

interface LoginOptions {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

/**
 * Checks the password, counts failures (5 from one address → locked there for 15 minutes; from 5
 * addresses → locked everywhere) and opens a session.
 */
export async function login(
  database: Database,
  options: LoginOptions,
): Promise<{ token: string; userId: number }> {
  const now = options.now ?? new Date();
  const [user] = await database.db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.username}) = lower(${options.username})`);

  if (!user) {
    await burnPasswordCheck(options.password);
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        actor: { id: null, name: options.username },
        action: 'auth.loginFailed',
        ip: options.ip,
        detail: { reason: '用户不存在' },
      }),
    );
    throw invalidCredentials();
  }

  const lock = await activeLock(database.db, {
    userId: user.id,
    userLockedUntil: user.lockedUntil,
    ip: options.ip,
    now,
  });
  if (lock) throw lockedError(lock);

  const passwordOk = await verifyPassword(user.passwordHash, options.password);
  if (!passwordOk) {
    const { lockedUntil } = await database.db.transaction((tx) =>
      countFailedAttempt(tx, { userId: user.id, actorName: user.username, ip: options.ip, now }),
    );
    if (lockedUntil) throw lockedError(lockedUntil);
    throw invalidCredentials();
  }

  if (user.disabled) {
    throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
  }

  const token = await database.db.transaction(async (tx) => {
    await clearFailures(tx, user.id, options.ip);
    await recordAudit(tx, {
      actor: { id: user.id, name: user.displayName },
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      ip: options.ip,
    });
    return createSession(tx, { userId: user.id, ip: options.ip, userAgent: options.userAgent });
  });
  return { token, userId: user.id };
}

/** The same answer for an unknown user and a wrong password: usernames cannot be probed. */
function invalidCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', '用户名或密码错误');
}
