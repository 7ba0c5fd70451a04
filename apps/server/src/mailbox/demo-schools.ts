import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { newMailboxToken } from './schools.ts';

/** Demo partner schools (演示数据); the demo school account `school1` acts for the first. */
export const demoSchools = [
  { name: '成华区演示实验小学', kind: 'primary', account: 'school1' },
  { name: '成华区演示中学', kind: 'middle', account: null },
  { name: '成华区演示幼儿园', kind: 'kindergarten', account: null },
] as const;

export async function seedDemoSchools(tx: Executor): Promise<void> {
  for (const school of demoSchools) {
    const [created] = await tx
      .insert(schema.partnerSchools)
      .values({ name: school.name, kind: school.kind, mailboxToken: newMailboxToken() })
      .returning({ id: schema.partnerSchools.id });
    if (!school.account) continue;
    const [account] = await tx.select().from(schema.users).where(eq(schema.users.username, school.account));
    if (account) await tx.insert(schema.schoolAccounts).values({ userId: account.id, schoolId: created!.id });
  }
}
