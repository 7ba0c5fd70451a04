import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60 * 1000;

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
    const failures = user.failedLogins + 1;
    const lockedUntil = failures >= maxFailedLogins ? new Date(now.getTime() + lockoutMs) : null;
    await database.db.transaction(async (tx) => {
      await tx
        .update(schema.users)
        .set(lockedUntil ? { failedLogins: 0, lockedUntil } : { failedLogins: failures })
        .where(eq(schema.users.id, user.id));
      await recordAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: lockedUntil ? 'auth.locked' : 'auth.loginFailed',
        targetType: 'user',
        targetId: user.id,
        ip: options.ip,
        detail: { failures },
      });
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw invalidCredentials(maxFailedLogins - failures);
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

function invalidCredentials(attemptsLeft?: number): DomainError {
  const hint =
    attemptsLeft !== undefined && attemptsLeft <= 2 ? `，再错 ${attemptsLeft} 次账号将锁定 15 分钟` : '';
  return new DomainError('INVALID_CREDENTIALS', `用户名或密码错误${hint}`);
}

function lockedError(until: Date): DomainError {
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
