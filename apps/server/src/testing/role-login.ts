import { schema } from '@procura/db';
import type { TRole } from '@procura/domain/roles';
import { and, asc, eq } from 'drizzle-orm';
import type { TestApp } from './test-app.ts';

/**
 * Logs in as the first active account with this role (in this department, by name), whatever the
 * seed calls it: tests that need "a 公益 head" or "the chief" do not depend on demo usernames.
 */
export async function loginAs(t: TestApp, role: TRole, departmentName?: string): Promise<string> {
  const { users, departments } = schema;
  const [user] = await t.database.db
    .select({ username: users.username })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(
        eq(users.role, role),
        eq(users.disabled, false),
        departmentName ? eq(departments.name, departmentName) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(1);
  if (!user) throw new Error(`no ${role} account${departmentName ? ` in ${departmentName}` : ''}`);
  return t.login(user.username);
}
