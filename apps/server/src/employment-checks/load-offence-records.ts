import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { desc, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { assertJuvenileStaff, reachesJuvenile } from '../mailbox/juvenile-reach.ts';
import { parseOffenceRecords } from './parse-offence-records.ts';
import type { TOffenceRecordSet, TOffenceRecordSetList, TUploadBody } from './schema.ts';

const { offenceRecordSets, offenceRecords, users } = schema;

/** Analysts load data for the whole procuratorate; other roles only from the juvenile department. */
async function isLoader(db: Executor, user: SessionUser): Promise<boolean> {
  return user.role === 'analyst' || (await reachesJuvenile(db, user));
}

/**
 * A new snapshot of offence records: every later check runs against the newest one, and each
 * check records which snapshot it used. Inserted in batches in one transaction: all or nothing.
 */
export async function loadOffenceRecords(
  database: Database,
  options: { input: TUploadBody; user: SessionUser; ip: string | null },
): Promise<TOffenceRecordSet> {
  const { input, user } = options;
  if (user.role !== 'analyst') await assertJuvenileStaff(database.db, user, '入职查询比对记录');
  const records = await parseOffenceRecords(input.content, input.fileName);
  const setId = await database.db.transaction(async (tx) => {
    const [set] = await tx
      .insert(offenceRecordSets)
      .values({ fileName: input.fileName, rowCount: records.length, uploadedBy: user.id })
      .returning({ id: offenceRecordSets.id });
    for (let i = 0; i < records.length; i += 1000) {
      await tx
        .insert(offenceRecords)
        .values(records.slice(i, i + 1000).map((r) => ({ ...r, setId: set!.id })));
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'offenceRecords.load',
      targetType: 'offenceRecordSet',
      targetId: set!.id,
      ip: options.ip,
      detail: { fileName: input.fileName, rows: records.length },
    });
    return set!.id;
  });
  return (await listOffenceRecordSets(database.db, user)).items.find((s) => s.id === setId)!;
}

export async function listOffenceRecordSets(db: Executor, user: SessionUser): Promise<TOffenceRecordSetList> {
  if (!(await isLoader(db, user))) return { items: [] };
  const rows = await db
    .select({ set: offenceRecordSets, by: users.displayName })
    .from(offenceRecordSets)
    .innerJoin(users, eq(users.id, offenceRecordSets.uploadedBy))
    .orderBy(desc(offenceRecordSets.id))
    .limit(50);
  return {
    items: rows.map((r, index) => ({
      id: r.set.id,
      fileName: r.set.fileName,
      rowCount: r.set.rowCount,
      uploadedBy: r.by,
      uploadedAt: r.set.uploadedAt.toISOString(),
      current: index === 0,
    })),
  };
}

/** The newest snapshot and its records; a check cannot run before one is loaded. */
export async function currentOffenceRecords(db: Executor) {
  const [set] = await db.select().from(offenceRecordSets).orderBy(desc(offenceRecordSets.id)).limit(1);
  if (!set) {
    throw new DomainError(
      'VALIDATION',
      '检察院尚未载入比对用的违法犯罪记录，暂时无法查询，请联系检察院未检部门',
    );
  }
  const records = await db
    .select()
    .from(offenceRecords)
    .where(eq(offenceRecords.setId, set.id))
    .orderBy(offenceRecords.row);
  return { set, records };
}
