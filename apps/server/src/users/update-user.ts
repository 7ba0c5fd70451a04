import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertDepartmentExists } from './create-user.ts';
import { getUser } from './list-users.ts';
import { recordMembership } from './memberships.ts';
import type { TUpdateUserBody, TUser } from './schema.ts';

/** Renames, changes role, moves between departments, disables or enables a user: one audit entry per kind. */
export async function updateUser(
  database: Database,
  options: { id: number; input: TUpdateUserBody; actor: AuditActor; ip: string | null },
): Promise<TUser> {
  const { id, input, actor } = options;
  await database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.users).where(eq(schema.users.id, id)).for('update');
    if (!before) throw notFound('用户');
    if (input.disabled === true && actor.id === id) {
      throw new DomainError('CONFLICT', '不能停用自己的账号');
    }
    if (input.role !== undefined && input.role !== before.role && actor.id === id) {
      // Otherwise the last administrator could demote themselves and leave nobody to manage users.
      throw new DomainError('CONFLICT', '不能修改自己的角色');
    }
    if (input.departmentId !== undefined) await assertDepartmentExists(tx, input.departmentId);
    const changes = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => value !== undefined && before[key as keyof typeof before] !== value,
      ),
    ) as TUpdateUserBody;
    if (Object.keys(changes).length === 0) return;
    await tx.update(schema.users).set(changes).where(eq(schema.users.id, id));
    if (changes.disabled === true) await deleteUserSessions(tx, id);

    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(tx, { actor, action, targetType: 'user', targetId: id, ip: options.ip, detail });
    if (changes.departmentId !== undefined) {
      await recordMembership(tx, id, changes.departmentId);
      await audit('user.move', { from: before.departmentId, to: changes.departmentId });
    }
    if (changes.disabled !== undefined) await audit(changes.disabled ? 'user.disable' : 'user.enable', {});
    const { departmentId: _d, disabled: _x, ...rest } = changes;
    if (Object.keys(rest).length > 0) {
      const from = Object.fromEntries(
        Object.keys(rest).map((key) => [key, before[key as keyof typeof before]]),
      );
      await audit('user.update', { from, to: rest });
    }
  });
  return (await getUser(database.db, id))!;
}
