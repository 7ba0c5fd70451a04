import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, stageLabel } from '@procura/domain/cases/case-types';
import { maskName, maskNamesIn } from '@procura/domain/juvenile/mask';
import { and, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { juvenileCaseTypes, type TJuvenileCaseType } from './load-juvenile-case.ts';
import type { TJuvenileCaseList, TJuvenileCaseQuery } from './schema.ts';
import { maySeeSealed } from './scope.ts';

const { cases, departments, users, juvenileMinors, juvenileSealings, juvenileSessions } = schema;

const sealedCase = sql`exists (select 1 from ${juvenileSealings} where ${juvenileSealings.caseId} = ${cases.id} and ${juvenileSealings.unsealedAt} is null)`;

/**
 * Juvenile cases the user reaches, names masked. Sealed ones are listed only for the juvenile
 * department and the chief (the sealed register); for everyone else they do not exist.
 */
export async function listJuvenileCases(
  db: Executor,
  query: TJuvenileCaseQuery,
  user: SessionUser,
): Promise<TJuvenileCaseList> {
  const seesSealed = await maySeeSealed(db, user);
  const conditions: (SQL | undefined)[] = [
    inArray(cases.type, [...juvenileCaseTypes]),
    reachCondition(user, cases),
  ];
  if (!seesSealed || query.sealed === 'false') conditions.push(sql`not ${sealedCase}`);
  if (query.sealed === 'true') conditions.push(sealedCase);
  const where = and(...conditions) ?? sql`true`;
  // The page and the total in one statement (see listCases: statements, not rows, are the cost).
  const rows = await db
    .select({
      row: cases,
      department: { id: departments.id, name: departments.name },
      handler: { id: users.id, name: users.displayName },
      sealed: sql<boolean>`${sealedCase}`,
      total: sql<number>`(select count(*) from ${cases} where ${where})`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(where)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total =
    rows.length > 0 || query.page === 1
      ? (rows[0]?.total ?? 0)
      : Number((await db.select({ value: count() }).from(cases).where(where))[0]?.value ?? 0);
  const ids = rows.map((r) => r.row.id);
  const [minors, inquiries] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(juvenileMinors)
          .where(inArray(juvenileMinors.caseId, ids))
          .orderBy(juvenileMinors.id),
        db
          .select({ minorId: juvenileSessions.minorId, value: count() })
          .from(juvenileSessions)
          .where(
            and(
              inArray(juvenileSessions.caseId, ids),
              isNotNull(juvenileSessions.inquiryNumber),
              eq(juvenileSessions.cancelled, false),
            ),
          )
          .groupBy(juvenileSessions.minorId),
      ])
    : [[], []];
  const inquiriesOf = new Map(inquiries.map((i) => [i.minorId, Number(i.value)]));
  return {
    total,
    items: rows.map(({ row, department, handler, sealed }) => {
      const own = minors.filter((m) => m.caseId === row.id);
      const type = row.type as TJuvenileCaseType;
      return {
        id: row.id,
        caseNumber: row.caseNumber,
        type,
        typeLabel: caseTypes[type].name,
        stageLabel: stageLabel(type, row.stage),
        title: maskNamesIn(
          row.title,
          own.map((m) => m.name),
        ),
        department,
        handler: handler?.id ? { id: handler.id, name: handler.name } : null,
        openedAt: row.openedAt.toISOString(),
        sealed: Boolean(sealed),
        minors: own.map((m) => ({
          id: m.id,
          role: m.role,
          name: maskName(m.name),
          inquiries: inquiriesOf.get(m.id) ?? 0,
        })),
      };
    }),
  };
}
