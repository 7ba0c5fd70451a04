import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../audit/list-audit.ts';
import { presentUser } from './present-user.ts';
import type { TUser, TUserList, ZUserQuery } from './schema.ts';

const { users, departments, loginFailures } = schema;

/** Whether five wrong passwords from some address lock the account there now. */
const lockedSomewhere = sql<boolean>`exists (select 1 from ${loginFailures} where ${loginFailures.userId} = ${users.id} and ${loginFailures.lockedUntil} > now())`;

export async function listUsers(db: Executor, query: z.infer<typeof ZUserQuery>): Promise<TUserList> {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.departmentId) conditions.push(eq(users.departmentId, query.departmentId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ user: users, department: departments, lockedSomewhere })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(users).where(where),
  ]);
  return {
    total: Number(total?.value ?? 0),
    items: rows.map((r) => presentUser(r.user, r.department, r.lockedSomewhere)),
  };
}

export async function getUser(db: Executor, id: number): Promise<TUser | null> {
  const [row] = await db
    .select({ user: users, department: departments, lockedSomewhere })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  return row ? presentUser(row.user, row.department, row.lockedSomewhere) : null;
}
