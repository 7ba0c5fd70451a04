import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, phaseLabel, stageLabel, type TCaseType } from '@procura/domain/cases/case-types';
import { eq, inArray } from 'drizzle-orm';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import type { TCase } from './schema.ts';

const { cases, departments, users } = schema;

/** Cases by id with department and handler, in the order asked. */
export async function loadCases(db: Executor, ids: number[]): Promise<TCase[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      row: cases,
      department: { id: departments.id, name: departments.name },
      handler: { id: users.id, name: users.displayName },
    })
    .from(cases)
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(inArray(cases.id, ids));
  const byId = new Map(
    rows.map(({ row, department, handler }) => {
      const type = row.type as TCaseType;
      const presented: TCase = {
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
        openedAt: row.openedAt.toISOString(),
        closedAt: row.closedAt?.toISOString() ?? null,
      };
      return [row.id, presented];
    }),
  );
  // Minors' names never appear in a list or on the case page (未成年人保护法 第一百零三条).
  return maskCaseTitles(
    db,
    ids.map((id) => byId.get(id)).filter((c): c is TCase => Boolean(c)),
  );
}
