import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, stageLabel } from '@procura/domain/cases/case-types';
import { maskName, maskNamesIn } from '@procura/domain/juvenile/mask';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { inquiryAwaitingDecisionBy } from './awaiting-decision.ts';
import { juvenileCaseTypes, type TJuvenileCaseType } from './load-juvenile-case.ts';
import type { TJuvenileCaseList, TJuvenileCaseQuery } from './schema.ts';
import { maySeeSealedCondition } from './scope.ts';

const { cases, departments, users, juvenileMinors, juvenileSealings, juvenileSessions } = schema;

const sealedCase = sql`exists (select 1 from ${juvenileSealings} where ${juvenileSealings.caseId} = ${cases.id} and ${juvenileSealings.unsealedAt} is null)`;

/** A case's minors in id order, each with its inquiries held or booked (cancelled ones left out). */
const minorsOfCase = sql<{ id: number; role: string; name: string; inquiries: number }[]>`coalesce((
  select json_agg(json_build_object(
    'id', m.id, 'role', m.role, 'name', m.name,
    'inquiries', (select count(*) from ${juvenileSessions} s
      where s.minor_id = m.id and s.case_id = m.case_id and s.inquiry_number is not null and not s.cancelled)
  ) order by m.id)
  from ${juvenileMinors} m where m.case_id = ${cases.id}), '[]'::json)`;

/**
 * Juvenile cases the user reaches, names masked. Sealed ones are listed only for the juvenile
 * department and the chief (the sealed register); for everyone else they do not exist.
 */
function juvenileCaseFilter(query: Omit<TJuvenileCaseQuery, 'page' | 'pageSize'>, user: SessionUser): SQL {
  const conditions: (SQL | undefined)[] = [
    inArray(cases.type, [...juvenileCaseTypes]),
    reachCondition(user, cases),
    query.sealed === 'false'
      ? sql`not ${sealedCase}`
      : sql`(not ${sealedCase} or ${maySeeSealedCondition(user)})`,
  ];
  if (query.sealed === 'true') conditions.push(sealedCase);
  if (query.awaiting) conditions.push(inquiryAwaitingDecisionBy(user));
  return and(...conditions) ?? sql`true`;
}

/** How many cases the list shows for this query and user (the workbench's count). */
export async function countJuvenileCases(
  db: Executor,
  query: Omit<TJuvenileCaseQuery, 'page' | 'pageSize'>,
  user: SessionUser,
): Promise<number> {
  const [row] = await db.select({ value: count() }).from(cases).where(juvenileCaseFilter(query, user));
  return Number(row?.value ?? 0);
}

export async function listJuvenileCases(
  db: Executor,
  query: TJuvenileCaseQuery,
  user: SessionUser,
): Promise<TJuvenileCaseList> {
  const where = juvenileCaseFilter(query, user);
  // One statement: the page with its departments, handlers and minors (each with its inquiry
  // count) and the total. On PGlite every statement waits its turn on the one connection, so the
  // number of statements, not their size, is what a list costs under load (docs/reliability.md).
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      type: cases.type,
      stage: cases.stage,
      title: cases.title,
      openedAt: cases.openedAt,
      department: { id: departments.id, name: departments.name },
      handler: { id: users.id, name: users.displayName },
      sealed: sql<boolean>`${sealedCase}`,
      minors: minorsOfCase,
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
  return {
    total,
    items: rows.map((row) => {
      const { department, handler, sealed, minors: own } = row;
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
          inquiries: Number(m.inquiries),
        })),
      };
    }),
  };
}
