import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { roleLabels, roles } from '@procura/domain/roles';
import { and, eq, inArray } from 'drizzle-orm';
import type { TPublicInfo } from '../auth/schema.ts';
import { demoDepartments, demoPassword, demoUsers } from './demo.ts';

/** Department by department as the seed lists them, then by role, the school last. */
const byDepartmentThenRole = (a: (typeof demoUsers)[number], b: (typeof demoUsers)[number]) => {
  const department = (name: string | null) =>
    name === null ? demoDepartments.length : demoDepartments.findIndex((d) => d.name === name);
  return department(a.department) - department(b.department) || roles.indexOf(a.role) - roles.indexOf(b.role);
};

/**
 * The demo accounts this database has (a demo folder made by an older version lacks newer ones;
 * a disabled one is not offered), in the order of the login page.
 */
async function demoAccounts(db: Executor): Promise<TPublicInfo['demoAccounts']> {
  const present = await db
    .select({ username: schema.users.username })
    .from(schema.users)
    .where(
      and(
        inArray(
          schema.users.username,
          demoUsers.map((u) => u.username),
        ),
        eq(schema.users.disabled, false),
      ),
    );
  const usernames = new Set(present.map((u) => u.username));
  return demoUsers
    .filter((u) => usernames.has(u.username))
    .sort(byDepartmentThenRole)
    .map((u) => ({
      username: u.username,
      password: demoPassword,
      displayName: u.displayName,
      roleLabel: roleLabels[u.role],
      department: u.department,
    }));
}

export async function getPublicInfo(db: Executor, demoEnabled: boolean): Promise<TPublicInfo> {
  const [row] = await db.select().from(schema.procuratorate).limit(1);
  const demo = Boolean(row?.isDemo && demoEnabled);
  return {
    procuratorate: { name: row?.name ?? '人民检察院', shortName: row?.shortName ?? '' },
    demo,
    demoAccounts: demo ? await demoAccounts(db) : [],
  };
}
