import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { roleLabels } from '@procura/domain/roles';
import type { TPublicInfo } from '../auth/schema.ts';
import { demoPassword, demoUsers } from './demo.ts';

export async function getPublicInfo(db: Executor, demoEnabled: boolean): Promise<TPublicInfo> {
  const [row] = await db.select().from(schema.procuratorate).limit(1);
  const demo = Boolean(row?.isDemo && demoEnabled);
  return {
    procuratorate: { name: row?.name ?? '人民检察院', shortName: row?.shortName ?? '' },
    demo,
    demoAccounts: demo
      ? demoUsers.map((u) => ({
          username: u.username,
          password: demoPassword,
          displayName: u.displayName,
          roleLabel: roleLabels[u.role],
          department: u.department,
        }))
      : [],
  };
}
