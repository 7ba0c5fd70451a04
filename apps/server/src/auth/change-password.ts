import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError } from '../errors.ts';
import type { SessionUser } from './load-user.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';

export async function changePassword(
  database: Database,
  options: { user: SessionUser; currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const { user } = options;
  const [row] = await database.db.select().from(schema.users).where(eq(schema.users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, options.currentPassword))) {
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
    await recordAudit(tx, {
      actor: { id: user.id, name: user.displayName },
      action: 'auth.changePassword',
      targetType: 'user',
      targetId: user.id,
      ip: options.ip,
    });
  });
}
