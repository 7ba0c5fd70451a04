import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { unlockAccount } from '../auth/failed-attempts.ts';
import { assertStrongPassword, hashPassword } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { notFound } from '../errors.ts';

/** Sets a new password the user must change at next login; unlocks and signs out everywhere. */
export async function resetPassword(
  database: Database,
  options: { id: number; password: string; actor: AuditActor; ip: string | null },
): Promise<void> {
  const [user] = await database.db.select().from(schema.users).where(eq(schema.users.id, options.id));
  if (!user) throw notFound('用户');
  assertStrongPassword(options.password, user.username);
  const passwordHash = await hashPassword(options.password);
  await database.db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
      })
      .where(eq(schema.users.id, options.id));
    await unlockAccount(tx, options.id);
    await deleteUserSessions(tx, options.id);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'user.resetPassword',
      targetType: 'user',
      targetId: options.id,
      ip: options.ip,
    });
  });
}
