import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { assertStrongPassword, generatePassword, hashPassword } from '../auth/passwords.ts';
import { now } from '../clock.ts';
import { seedDemoSchools } from '../mailbox/demo-schools.ts';
import { recordMembership } from '../users/memberships.ts';
import { demoDepartments, demoPassword, demoProcuratorate, demoUsers } from './demo.ts';
import { seedDemoWork } from './demo-work/seed-demo-work.ts';

/** 1 January three years before the seeding day: earlier than any demo work. */
export const demoServiceSince = (today: string): string => `${Number(today.slice(0, 4)) - 3}-01-01`;

export interface InitialiseOptions {
  demo: boolean;
  /**
   * With demo: also generate two years of demo work (bootstrap/demo-work). Default true; server
   * tests leave it off so their own records are the only ones they count.
   */
  demoWork?: boolean;
  adminPassword?: string | undefined;
  procuratorateName?: string | undefined;
}

export type InitialiseResult =
  | { status: 'existing' }
  | { status: 'demo' }
  | { status: 'empty'; adminUsername: string; generatedPassword: string | null };

/**
 * On first start with an empty database: the demo procuratorate, or (PROCURA_DEMO=0) just an
 * admin account. One transaction, so a crash half-way leaves the database empty, not half-seeded.
 */
export async function initialise(database: Database, options: InitialiseOptions): Promise<InitialiseResult> {
  return database.db.transaction(async (tx) => {
    // Two processes starting against one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7303)`);
    const [existing] = await tx.select().from(schema.procuratorate).limit(1);
    if (existing) return { status: 'existing' } as const;
    if (options.demo) {
      await seedDemo(tx);
      if (options.demoWork !== false) await seedDemoWork(tx);
      return { status: 'demo' } as const;
    }
    if (options.adminPassword) {
      try {
        assertStrongPassword(options.adminPassword, 'admin');
      } catch (error) {
        throw new Error(`PROCURA_ADMIN_PASSWORD 不符合密码规则：${(error as Error).message}`);
      }
    }
    const generatedPassword = options.adminPassword ? null : generatePassword();
    const name = options.procuratorateName ?? '人民检察院';
    await tx.insert(schema.procuratorate).values({ name, shortName: name.slice(0, 2), isDemo: false });
    const passwordHash = await hashPassword(options.adminPassword ?? generatedPassword!);
    const [admin] = await tx
      .insert(schema.users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: schema.users.id });
    await recordAudit(tx, {
      actor: { id: null, name: '系统' },
      action: 'system.init',
      targetType: 'user',
      targetId: admin!.id,
      detail: { demo: false },
    });
    return { status: 'empty', adminUsername: 'admin', generatedPassword } as const;
  });
}

async function seedDemo(tx: Executor): Promise<void> {
  await tx.insert(schema.procuratorate).values({ ...demoProcuratorate, isDemo: true });
  const departments = await tx
    .insert(schema.departments)
    .values(demoDepartments.map((d, index) => ({ ...d, sortOrder: index + 1 })))
    .returning({ id: schema.departments.id, name: schema.departments.name });
  const departmentId = new Map(departments.map((d) => [d.name, d.id]));
  const passwordHash = await hashPassword(demoPassword);
  const seeded = await tx
    .insert(schema.users)
    .values(
      demoUsers.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        departmentId: u.department ? departmentId.get(u.department) : null,
        passwordHash,
      })),
    )
    .returning({ id: schema.users.id, departmentId: schema.users.departmentId });
  for (const user of seeded) await recordMembership(tx, user.id, user.departmentId);
  // The demo staff have served in their departments since before the two years of demo work, so
  // the assessment scores each for whole periods, not pro rata from the seeding day.
  await tx
    .update(schema.departmentMemberships)
    .set({ fromDate: demoServiceSince(chinaDate(now())) })
    .where(
      inArray(
        schema.departmentMemberships.userId,
        seeded.map((u) => u.id),
      ),
    );
  await seedDemoSchools(tx);
  await recordAudit(tx, {
    actor: { id: null, name: '系统' },
    action: 'system.init',
    detail: { demo: true, departments: departments.length, users: demoUsers.length },
  });
}
