import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { cite, deadlineStatusDetail, type LegalBasis } from '@procura/domain/deadlines/index';
import { recordReach } from '@procura/domain/policy';
import { and, asc, count, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import * as clock from '../clock.ts';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import type { TDeadline } from './schema.ts';

const { deadlines, cases, clues, departments, users } = schema;

export const statusLabels: Record<TDeadline['status'], string> = {
  open: '进行中',
  dueSoon: '临期',
  overdue: '逾期',
  done: '已完成',
  paused: '中止',
};

const clueDepartments = alias(departments, 'clue_departments');
const clueHandlers = alias(users, 'clue_handlers');

/** The department of a deadline's record, case or clue (for the department board). */
export const recordDepartmentId = sql<number>`coalesce(${cases.departmentId}, ${clues.departmentId})`;
/** The handler of a deadline's record (for "my deadlines"). */
export const recordHandlerId = sql<number | null>`coalesce(${cases.handlerId}, ${clues.handlerId})`;

/** Deadlines whose case or clue the user reaches (policy.ts recordReach), as for the records. */
function deadlineReach(user: SessionUser): SQL | undefined {
  const reach = recordReach(user.role);
  if (reach === 'all') return undefined;
  if (reach === 'none') return sql`false`;
  const mine = or(eq(cases.handlerId, user.id), eq(clues.handlerId, user.id));
  const department = user.department?.id;
  return department === undefined
    ? mine
    : or(mine, eq(cases.departmentId, department), eq(clues.departmentId, department));
}

/** The deadlines the user reaches that match `where`: the list and its count share it. */
function reachedDeadlines(user: SessionUser, where: SQL | undefined): SQL | undefined {
  return and(deadlineReach(user), notSealedFor(user, deadlines.caseId), where);
}

/** How many deadlines `queryDeadlines` lists for the same user and `where` (the workbench's count). */
export async function countDeadlines(
  db: Executor,
  user: SessionUser,
  where: SQL | undefined,
): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(deadlines)
    .leftJoin(cases, eq(cases.id, deadlines.caseId))
    .leftJoin(clues, eq(clues.id, deadlines.clueId))
    .where(reachedDeadlines(user, where));
  return Number(row?.value ?? 0);
}

/**
 * Deadlines matching `where` among those the user reaches (through their case or clue), due
 * first, each with its status today (Asia/Shanghai) computed by the engine.
 */
export async function queryDeadlines(
  db: Executor,
  user: SessionUser,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
): Promise<TDeadline[]> {
  const query = db
    .select({
      row: deadlines,
      caseNumber: cases.caseNumber,
      caseTitle: cases.title,
      caseType: cases.type,
      clueTitle: clues.title,
      department: {
        id: sql<number>`coalesce(${departments.id}, ${clueDepartments.id})`,
        name: sql<string>`coalesce(${departments.name}, ${clueDepartments.name})`,
      },
      handlerId: sql<number | null>`coalesce(${users.id}, ${clueHandlers.id})`,
      handlerName: sql<string | null>`coalesce(${users.displayName}, ${clueHandlers.displayName})`,
    })
    .from(deadlines)
    .leftJoin(cases, eq(cases.id, deadlines.caseId))
    .leftJoin(clues, eq(clues.id, deadlines.clueId))
    .leftJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(clueDepartments, eq(clueDepartments.id, clues.departmentId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .leftJoin(clueHandlers, eq(clueHandlers.id, clues.handlerId))
    .where(reachedDeadlines(user, where))
    .orderBy(sql`${deadlines.dueOn} asc nulls last`, asc(deadlines.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return presentDeadlines(db, rows);
}

type QueriedRow = {
  row: typeof deadlines.$inferSelect;
  caseNumber: string | null;
  caseTitle: string | null;
  caseType: string | null;
  clueTitle: string | null;
  department: { id: number; name: string };
  handlerId: number | null;
  handlerName: string | null;
};

async function presentDeadlines(db: Executor, queried: QueriedRow[]): Promise<TDeadline[]> {
  // Juvenile case titles name minors: masked here as in every list (未成年人保护法 第一百零三条).
  const masked = await maskCaseTitles(
    db,
    queried.flatMap((q) =>
      q.row.caseId !== null && q.caseType
        ? [{ id: q.row.caseId, type: q.caseType, title: q.caseTitle ?? '' }]
        : [],
    ),
  );
  const maskedTitle = new Map(masked.map((c) => [c.id, c.title]));
  const rows = queried.map((q) =>
    q.row.caseId !== null && maskedTitle.has(q.row.caseId)
      ? { ...q, caseTitle: maskedTitle.get(q.row.caseId)! }
      : q,
  );
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(db, [year, year + 1]);
  return rows.map(({ row, ...record }) => {
    const detail = deadlineStatusDetail(row.dueOn, today, calendar, { completedOn: row.completedOn });
    const basis = row.basis as unknown as LegalBasis;
    const isCase = row.caseId !== null;
    return {
      id: row.id,
      limitId: row.limitId,
      name: row.name,
      urgent: row.urgent,
      start: row.startOn,
      due: row.dueOn,
      state: row.state,
      status: detail.status,
      statusLabel: statusLabels[detail.status],
      basis: {
        law: basis.law,
        article: basis.article,
        text: basis.text ?? null,
        verified: basis.verified,
        citation: cite(basis),
      },
      explanation: row.explanation,
      steps: row.steps,
      warnings: [...new Set([...row.warnings, ...detail.warnings])],
      pauses: row.pauses,
      completedOn: row.completedOn,
      predecessorId: row.predecessorId,
      suggestionId: row.suggestionId,
      record: {
        kind: isCase ? 'case' : 'clue',
        id: (isCase ? row.caseId : row.clueId) ?? 0,
        label: (isCase ? record.caseNumber : record.clueTitle) ?? '',
        title: (isCase ? record.caseTitle : record.clueTitle) ?? '',
        department: { id: Number(record.department.id), name: record.department.name },
        handler:
          record.handlerId === null ? null : { id: Number(record.handlerId), name: record.handlerName ?? '' },
      },
    };
  });
}
