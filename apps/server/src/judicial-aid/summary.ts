import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { getCaseType, type TCaseType } from '@procura/domain/cases/case-types';
import { lineLabels, lines, type TLine } from '@procura/domain/roles';
import { and, eq, gte, lte, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import type { TSummary, TSummaryQuery } from './schema.ts';

const { cases, judicialAids } = schema;

type Row = {
  id: number;
  caseType: TCaseType;
  idNumber: string | null;
  appliedOn: string;
  decision: string;
  decidedOn: string | null;
  paidOn: string | null;
  paidFen: number | null;
};

/**
 * 司法救助 figures per line of work (the line of the case's type) for a period: applications
 * received, assistances granted, people paid and money paid in it, over the cases the user reaches
 * (sealed ones only for those who may see them). Every assistance is one row of judicial_aids, the
 * juvenile department's included, so none is counted twice; a person paid on cases of two lines is
 * one person in the total.
 */
export async function judicialAidSummary(
  db: Executor,
  user: SessionUser,
  query: TSummaryQuery,
): Promise<TSummary> {
  const { from, to } = query;
  const within = (column: PgColumn) => and(gte(column, from), lte(column, to));
  const rows: Row[] = await db
    .select({
      id: judicialAids.id,
      caseType: cases.type,
      idNumber: judicialAids.applicantIdNumber,
      appliedOn: judicialAids.appliedOn,
      decision: judicialAids.decision,
      decidedOn: judicialAids.decidedOn,
      paidOn: judicialAids.paidOn,
      paidFen: judicialAids.paidFen,
    })
    .from(judicialAids)
    .innerJoin(cases, eq(cases.id, judicialAids.caseId))
    .where(
      and(
        reachCondition(user, { departmentId: cases.departmentId, handlerId: cases.handlerId }),
        notSealedFor(user, cases.id),
        or(within(judicialAids.appliedOn), within(judicialAids.decidedOn), within(judicialAids.paidOn)),
      ),
    );
  const inPeriod = (day: string | null) => day !== null && day >= from && day <= to;
  const figures = (group: Row[]) => {
    const paid = group.filter((r) => inPeriod(r.paidOn));
    return {
      applications: group.filter((r) => inPeriod(r.appliedOn)).length,
      granted: group.filter((r) => r.decision === 'granted' && inPeriod(r.decidedOn)).length,
      // One person once: by ID number; a moved juvenile record without one is its own person.
      people: new Set(paid.map((r) => r.idNumber ?? `aid:${r.id}`)).size,
      paidFen: paid.reduce((sum, r) => sum + (r.paidFen ?? 0), 0),
    };
  };
  const lineOf = (row: Row): TLine => getCaseType(row.caseType).line;
  return {
    from,
    to,
    lines: lines
      .map((line) => ({
        line,
        lineLabel: lineLabels[line],
        ...figures(rows.filter((r) => lineOf(r) === line)),
      }))
      .filter((l) => l.applications + l.granted + l.people > 0),
    total: figures(rows),
  };
}
