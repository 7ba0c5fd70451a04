import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, phaseLabel, stageLabel } from '@procura/domain/cases/case-types';
import { pilFieldLabel } from '@procura/domain/public-interest-fields';
import { eq, inArray } from 'drizzle-orm';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import type { TCase } from './schema.ts';

const { cases, departments, users } = schema;

/** The columns a case is presented from: the row, its department and its handler. */
export const caseRowColumns = {
  row: cases,
  department: { id: departments.id, name: departments.name },
  handler: { id: users.id, name: users.displayName },
};

type CaseRow = {
  row: typeof cases.$inferSelect;
  department: { id: number; name: string };
  handler: { id: number; name: string } | null;
};

/** One case row (selected with `caseRowColumns`, joined as in loadCases) as the API shows it; titles not yet masked. */
export function presentCaseRow({ row, department, handler }: CaseRow): TCase {
  const type = row.type;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    type,
    typeLabel: caseTypes[type].name,
    phase: row.phase,
    phaseLabel: phaseLabel(type, row.phase),
    stage: row.stage,
    stageLabel: stageLabel(type, row.stage),
    department,
    handler: handler?.id ? { id: handler.id, name: handler.name } : null,
    title: row.title,
    pilField: row.pilField,
    pilFieldLabel: pilFieldLabel(row.pilField),
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** Cases by id with department and handler, in the order asked. */
export async function loadCases(db: Executor, ids: number[]): Promise<TCase[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(caseRowColumns)
    .from(cases)
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(inArray(cases.id, ids));
  const byId = new Map(rows.map((row) => [row.row.id, presentCaseRow(row)]));
  // Minors' names never appear in a list or on the case page (未成年人保护法 第一百零三条).
  return maskCaseTitles(
    db,
    ids.map((id) => byId.get(id)).filter((c): c is TCase => Boolean(c)),
  );
}
