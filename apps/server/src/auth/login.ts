import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { countFailedAttempt, lockedError } from './failed-attempts.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

interface LoginOptions {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

/** Checks the password, counts failures (5 → locked for 15 minutes) and opens a session. */
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

  if (user.lockedUntil && user.lockedUntil > now) {
    throw lockedError(user.lockedUntil);
  }

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
    await tx
      .update(schema.users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(schema.users.id, user.id));
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
