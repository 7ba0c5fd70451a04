import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { lineLabels } from '@procura/domain/roles';
import { asc, count, eq } from 'drizzle-orm';
import type { TDepartment } from './schema.ts';

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
  }));
}
