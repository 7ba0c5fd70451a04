import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { lineLabels, type TLine } from '@procura/domain/roles';
import { asc, count, eq } from 'drizzle-orm';
import { docNumberCodes } from '../suggestions/labels.ts';
import type { TDepartment } from './schema.ts';

/** 检察建议文号代字 of a department: its setting, else its line's default; null when it issues none. */
export function suggestionDocCode(department: { line: TLine; suggestionDocCode: string | null }) {
  return department.suggestionDocCode ?? docNumberCodes[department.line] ?? null;
}

export async function listDepartments(db: Executor): Promise<TDepartment[]> {
  const { departments, users } = schema;
  const rows = await db
    .select({ department: departments, userCount: count(users.id) })
    .from(departments)
    .leftJoin(users, eq(users.departmentId, departments.id))
    .groupBy(departments.id)
    .orderBy(asc(departments.sortOrder), asc(departments.id));
  return rows.map(({ department, userCount }) => ({
    id: department.id,
    name: department.name,
    line: department.line,
    lineLabel: lineLabels[department.line],
    userCount: Number(userCount),
    clueAssessmentDays: department.clueAssessmentDays,
    suggestionDocCode: suggestionDocCode(department),
  }));
}
