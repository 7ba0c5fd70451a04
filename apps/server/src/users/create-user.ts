import { type Database, type Executor, isUniqueViolation, schema } from '@procura/db';
import { eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertStrongPassword, hashPassword } from '../auth/passwords.ts';
import { DomainError } from '../errors.ts';
import { getUser } from './list-users.ts';
import { recordMembership } from './memberships.ts';
import type { TCreateUserBody, TUser } from './schema.ts';

export async function createUser(
  database: Database,
  options: { input: TCreateUserBody; actor: AuditActor; ip: string | null },
): Promise<TUser> {
  const { input } = options;
  assertStrongPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const taken = () => new DomainError('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
  const id = await database.db
    .transaction(async (tx) => {
      await assertDepartmentExists(tx, input.departmentId);
      const [existing] = await tx
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(sql`lower(${schema.users.username}) = lower(${input.username})`);
      if (existing) throw taken();
      const [created] = await tx
        .insert(schema.users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          departmentId: input.departmentId,
          passwordHash,
          // An initial password is known to the admin who set it: the user replaces it.
          mustChangePassword: true,
        })
        .returning({ id: schema.users.id });
      await recordMembership(tx, created!.id, input.departmentId);
      await recordAudit(tx, {
        actor: options.actor,
        action: 'user.create',
        targetType: 'user',
        targetId: created!.id,
        ip: options.ip,
        detail: { username: input.username, role: input.role, departmentId: input.departmentId },
      });
      return created!.id;
    })
    .catch((error: unknown) => {
      // Two admins creating the same name at once: the unique index decides, the loser hears why.
      throw isUniqueViolation(error) ? taken() : error;
    });
  return (await getUser(database.db, id))!;
}

export async function assertDepartmentExists(tx: Executor, departmentId: number | null): Promise<void> {
  if (departmentId === null) return;
  const [department] = await tx
    .select({ id: schema.departments.id })
    .from(schema.departments)
    .where(eq(schema.departments.id, departmentId));
  if (!department) throw new DomainError('VALIDATION', `部门 ${departmentId} 不存在`);
}
