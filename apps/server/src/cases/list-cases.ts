import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { and, count, desc, eq, gte, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { type TextSearch, textSearch, withTextSearch } from '../clues/list-text-search.ts';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { caseRowColumns, presentCaseRow } from './present-case.ts';
import { reachCondition } from './record-reach.ts';
import type { TCaseFilter, TCaseList, TCaseQuery } from './schema.ts';

const { cases, clues, departments, users } = schema;

/** The cases a user reaches that match a filter: the list and the export share it. */
export function caseFilter(
  query: TCaseFilter,
  user: SessionUser,
): { where: SQL | undefined; search: TextSearch | undefined } {
  const conditions: (SQL | undefined)[] = [reachCondition(user, cases), notSealedFor(user, cases.id)];
  if (query.departmentId) conditions.push(eq(cases.departmentId, query.departmentId));
  if (query.type) conditions.push(eq(cases.type, query.type));
  if (query.stage) conditions.push(eq(cases.stage, query.stage));
  if (query.pilField) conditions.push(eq(cases.pilField, query.pilField));
  if (query.handlerId) conditions.push(eq(cases.handlerId, query.handlerId));
  if (query.open) conditions.push(query.open === 'true' ? isNull(cases.closedAt) : isNotNull(cases.closedAt));
  if (query.from) conditions.push(gte(cases.openedAt, chinaDayStart(query.from)));
  if (query.to) conditions.push(lt(cases.openedAt, chinaDayAfter(query.to)));
  conditions.push(...cockpitFilters(query));
  const search = query.q
    ? textSearch(query.q, {
        id: cases.id,
        table: cases,
        substring: [cases.title, cases.caseNumber],
        similar: [cases.title],
      })
    : undefined;
  if (search) conditions.push(search.where);
  return { where: and(...conditions), search };
}

/** The filters the cockpit's figures open the list with (cockpit/metrics): line, event, outcome, clue source. */
function cockpitFilters(query: TCaseFilter): SQL[] {
  const conditions: SQL[] = [];
  const range = (column: SQL, from?: string, to?: string) =>
    sql.join(
      [
        sql`true`,
        ...(from ? [sql`${column} >= ${chinaDayStart(from).toISOString()}::timestamptz`] : []),
        ...(to ? [sql`${column} < ${chinaDayAfter(to).toISOString()}::timestamptz`] : []),
      ],
      sql` and `,
    );
  if (query.line) {
    conditions.push(
      sql`${cases.departmentId} in (select ${departments.id} from ${departments} where ${departments.line} = ${query.line})`,
    );
  }
  if (query.eventKind || query.eventFrom || query.eventTo) {
    const kind = query.eventKind ? sql`e.kind = ${query.eventKind}` : sql`true`;
    conditions.push(
      sql`exists (select 1 from case_events e where e.case_id = ${cases.id} and ${kind} and ${range(sql`e.at`, query.eventFrom, query.eventTo)})`,
    );
  }
  if (query.outcome || query.outcomeFrom || query.outcomeTo) {
    const kind =
      query.outcome === 'money'
        ? sql`o.amount_fen is not null`
        : query.outcome === 'people'
          ? sql`o.kind = 'peopleHelped'`
          : sql`true`;
    conditions.push(
      sql`exists (select 1 from case_outcomes o where o.case_id = ${cases.id} and ${kind} and ${range(sql`o.created_at`, query.outcomeFrom, query.outcomeTo)})`,
    );
  }
  if (query.aidPaidFrom || query.aidPaidTo) {
    // The cockpit's 司法救助 figures (cockpit/metrics/money.ts): paid aid by its 发放日期 (a day).
    const days = sql.join(
      [
        sql`a.paid_fen is not null`,
        ...(query.aidPaidFrom ? [sql`a.paid_on >= ${query.aidPaidFrom}`] : []),
        ...(query.aidPaidTo ? [sql`a.paid_on <= ${query.aidPaidTo}`] : []),
      ],
      sql` and `,
    );
    conditions.push(sql`exists (select 1 from judicial_aids a where a.case_id = ${cases.id} and ${days})`);
  }
  if (query.guardianshipFrom || query.guardianshipTo) {
    // The cockpit's 督促监护令 (cockpit/metrics/juvenile.ts): orders by their 制发日期 (a day).
    const days = sql.join(
      [
        sql`g.issued_on is not null`,
        ...(query.guardianshipFrom ? [sql`g.issued_on >= ${query.guardianshipFrom}`] : []),
        ...(query.guardianshipTo ? [sql`g.issued_on <= ${query.guardianshipTo}`] : []),
      ],
      sql` and `,
    );
    conditions.push(
      sql`exists (select 1 from juvenile_guardianship_orders g where g.case_id = ${cases.id} and ${days})`,
    );
  }
  if (query.clueSource) {
    conditions.push(
      sql`exists (select 1 from ${clues} where ${clues.caseId} = ${cases.id} and ${clues.source} = ${query.clueSource})`,
    );
  }
  return conditions;
}

/**
 * Cases the user reaches, filtered, one page at a time: newest first, or with free text the
 * substring matches first, then the near misses by similarity. One statement brings the page with
 * its departments and handlers and the total (an uncorrelated subquery, counted once): on the
 * embedded database every statement waits its turn on the one connection, so under load the
 * number of statements, not their size, decides how many lists a second are served.
 */
export async function listCases(db: Executor, query: TCaseQuery, user: SessionUser): Promise<TCaseList> {
  const { where, search } = caseFilter(query, user);
  const newest = [desc(cases.openedAt), desc(cases.id)];
  const order = search?.rank ? [desc(search.rank), ...newest] : newest;
  const filter = where ?? sql`true`;
  const { rows, total } = await withTextSearch(db, search, async (q) => {
    const rows = await q
      .select({
        ...caseRowColumns,
        total: sql<number>`(select count(*) from ${cases} where ${filter})`.mapWith(Number),
      })
      .from(cases)
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .leftJoin(users, eq(users.id, cases.handlerId))
      .where(filter)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    if (rows.length > 0 || query.page === 1) return { rows, total: rows[0]?.total ?? 0 };
    // A page past the end: the total still says how many there are.
    const [counted] = await q.select({ value: count() }).from(cases).where(filter);
    return { rows, total: Number(counted?.value ?? 0) };
  });
  return { total, items: await maskCaseTitles(db, rows.map(presentCaseRow)) };
}
