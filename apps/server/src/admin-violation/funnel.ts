import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { criminalLines } from '@procura/domain/admin-violation';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { recordReach } from '@procura/domain/policy';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { notFound } from '../errors.ts';
import type { TFunnel, TFunnelQuery } from './schema.ts';

const { clueTransfers: transfers, clues, cases, departments, clueCriminalOrigins: origins } = schema;

type TDepartment = { id: number; name: string };

/**
 * The departments whose funnel the user sees: the chief and deputies every 民事行政 department (or
 * the one asked for); anyone else their own department only, and another one asked for answers as
 * missing (404).
 */
async function departmentsInScope(
  db: Executor,
  user: SessionUser,
  departmentId: number | undefined,
): Promise<TDepartment[]> {
  const columns = { id: departments.id, name: departments.name };
  if (recordReach(user.role) === 'all') {
    const rows = await db
      .select(columns)
      .from(departments)
      .where(
        departmentId === undefined
          ? eq(departments.line, 'civilAdministrative')
          : eq(departments.id, departmentId),
      )
      .orderBy(asc(departments.sortOrder), asc(departments.id));
    if (departmentId !== undefined && rows.length === 0) throw notFound('部门');
    return rows;
  }
  const own = user.department;
  if (departmentId !== undefined && departmentId !== own?.id) throw notFound('部门');
  return own ? [{ id: own.id, name: own.name }] : [];
}

/**
 * 刑检移送线索 → 立案: the clues departments of the criminal line transferred to each department in
 * the period (China days of the transfer), and what became of them since. A cohort: a clue sent in
 * December and opened in January counts as opened for December's period.
 */
export async function criminalClueFunnel(
  db: Executor,
  user: SessionUser,
  query: TFunnelQuery,
): Promise<TFunnel> {
  const to = query.to ?? today();
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  const scope = await departmentsInScope(db, user, query.departmentId);
  const sender = alias(departments, 'sender');
  const rows =
    scope.length === 0
      ? []
      : await db
          .select({
            departmentId: transfers.toDepartmentId,
            transferred: sql<number>`count(*)::int`,
            withCriminalCase: sql<number>`count(${origins.clueId})::int`,
            opened: sql<number>`count(${clues.caseId})::int`,
            adminViolationCases: sql<number>`(count(*) filter (where ${cases.type} = 'adminViolation'))::int`,
            declined: sql<number>`(count(*) filter (where ${clues.status} = 'declined'))::int`,
            pending: sql<number>`(count(*) filter (where ${clues.status} in ('pending', 'assessing')))::int`,
          })
          .from(transfers)
          .innerJoin(sender, eq(sender.id, transfers.fromDepartmentId))
          .innerJoin(clues, eq(clues.id, transfers.receivedClueId))
          .leftJoin(origins, eq(origins.clueId, clues.id))
          .leftJoin(cases, eq(cases.id, clues.caseId))
          .where(
            and(
              inArray(sender.line, [...criminalLines]),
              inArray(
                transfers.toDepartmentId,
                scope.map((d) => d.id),
              ),
              gte(transfers.transferredAt, chinaDayStart(from)),
              lt(transfers.transferredAt, chinaDayAfter(to)),
            ),
          )
          .groupBy(transfers.toDepartmentId);
  const zero = {
    transferred: 0,
    withCriminalCase: 0,
    opened: 0,
    adminViolationCases: 0,
    declined: 0,
    pending: 0,
  };
  const perDepartment = scope.map((department) => {
    const row = rows.find((r) => r.departmentId === department.id);
    const { departmentId: _, ...counts } = row ?? { departmentId: null, ...zero };
    return { department, ...counts };
  });
  const total = { ...zero };
  for (const d of perDepartment) {
    for (const key of Object.keys(zero) as (keyof typeof zero)[]) total[key] += d[key];
  }
  return { from, to, ...total, departments: perDepartment };
}
