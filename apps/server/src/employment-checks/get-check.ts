import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { reachesJuvenile } from '../mailbox/juvenile-reach.ts';
import { schoolOfAccount } from '../mailbox/schools.ts';
import {
  checkResults,
  type TCheckBatch,
  type TCheckBatchDetail,
  type TCheckBatchList,
  type TCheckedPerson,
  type TCheckQuery,
} from './schema.ts';

const { employmentCheckBatches: batches, employmentCheckPeople: people, partnerSchools, users } = schema;

export const maskIdNumber = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

/**
 * What a user reaches: a school account its own school's checks only; the juvenile department and
 * the chief every check. `detailed` says whether the offence details may be shown (never to a school).
 */
async function reachOf(
  db: Executor,
  user: SessionUser,
): Promise<{ where: SQL | undefined; detailed: boolean }> {
  if (user.role === 'school') {
    const school = await schoolOfAccount(db, user.id);
    return { where: eq(batches.schoolId, school.id), detailed: false };
  }
  // Other departments' staff find no checks at all.
  if (!(await reachesJuvenile(db, user))) return { where: sql`false`, detailed: false };
  return { where: undefined, detailed: true };
}

const batchColumns = {
  batch: batches,
  school: { id: partnerSchools.id, name: partnerSchools.name },
  requestedBy: users.displayName,
};

function presentBatch(row: {
  batch: typeof batches.$inferSelect;
  school: { id: number; name: string };
  requestedBy: string;
}): TCheckBatch {
  return {
    id: row.batch.id,
    school: row.school,
    requestedBy: row.requestedBy,
    requestedAt: row.batch.requestedAt.toISOString(),
    fileName: row.batch.fileName,
    peopleCount: row.batch.peopleCount,
    reviewCount: row.batch.reviewCount,
  };
}

export async function listChecks(
  db: Executor,
  query: TCheckQuery,
  user: SessionUser,
): Promise<TCheckBatchList> {
  const reach = await reachOf(db, user);
  const where = and(reach.where, query.schoolId ? eq(batches.schoolId, query.schoolId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(batchColumns)
      .from(batches)
      .innerJoin(partnerSchools, eq(partnerSchools.id, batches.schoolId))
      .innerJoin(users, eq(users.id, batches.requestedBy))
      .where(where)
      .orderBy(desc(batches.requestedAt), desc(batches.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(batches).where(where),
  ]);
  return { items: rows.map(presentBatch), total: Number(total?.n ?? 0) };
}

export async function getCheck(
  db: Executor,
  options: { id: number; user: SessionUser },
): Promise<TCheckBatchDetail> {
  const reach = await reachOf(db, options.user);
  const [row] = await db
    .select(batchColumns)
    .from(batches)
    .innerJoin(partnerSchools, eq(partnerSchools.id, batches.schoolId))
    .innerJoin(users, eq(users.id, batches.requestedBy))
    .where(and(eq(batches.id, options.id), reach.where));
  // Another school's check is "not found", not "forbidden": its existence is not the school's business.
  if (!row) throw notFound('入职查询记录');
  const persons = await db
    .select()
    .from(people)
    .where(eq(people.batchId, options.id))
    .orderBy(asc(people.row));
  return {
    ...presentBatch(row),
    people: persons.map((p): TCheckedPerson => {
      const result = p.result;
      const person: TCheckedPerson = {
        row: p.row,
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        position: p.position,
        result,
        resultLabel: checkResults[result],
      };
      if (reach.detailed && p.reviewDetail)
        person.review = (p.reviewDetail as { matches: TCheckedPerson['review'] }).matches;
      return person;
    }),
  };
}
