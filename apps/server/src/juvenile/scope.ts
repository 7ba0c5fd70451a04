import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';

const { juvenileSealings, departments } = schema;

type Who = Pick<SessionUser, 'id' | 'role' | 'department'>;

/** Whether the user works in a juvenile (未检) department. */
export async function isJuvenileMember(db: Executor, user: Who): Promise<boolean> {
  if (!user.department) return false;
  const [row] = await db
    .select({ line: departments.line })
    .from(departments)
    .where(eq(departments.id, user.department.id));
  return row?.line === 'juvenile';
}

/**
 * Sealed criminal records (刑事诉讼法 第二百八十六条) are hidden from every list, search and export
 * outside the juvenile department: a condition on a case id column, true for records the user
 * may list. Undefined-safe for a nullable column (a clue without a case is never sealed).
 */
export function notSealedFor(user: Who, caseIdColumn: PgColumn): SQL {
  const sealed = sql`${caseIdColumn} in (select ${juvenileSealings.caseId} from ${juvenileSealings} where ${juvenileSealings.unsealedAt} is null)`;
  if (!user.department) return sql`not coalesce(${sealed}, false)`;
  return sql`(not coalesce(${sealed}, false) or exists (select 1 from ${departments} where ${departments.id} = ${user.department.id} and ${departments.line} = 'juvenile'))`;
}

/** Whether one case is sealed now. */
export async function isSealed(db: Executor, caseId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: juvenileSealings.id })
    .from(juvenileSealings)
    .where(and(eq(juvenileSealings.caseId, caseId), isNull(juvenileSealings.unsealedAt)));
  return Boolean(row);
}

/**
 * Who may open a sealed record: the juvenile department and the chief (刑诉规则 第四百八十三条).
 * One rule for every page that opens a case or clue by id, `/api/cases/:id` as
 * `/api/juvenile/cases/:id`; lists and searches outside 未检 still leave sealed records out.
 */
export async function maySeeSealed(db: Executor, user: Who): Promise<boolean> {
  return user.role === 'chief' || (await isJuvenileMember(db, user));
}

/** `maySeeSealed` as an SQL condition, so a list need not spend a statement on it. */
export function maySeeSealedCondition(user: Who): SQL {
  if (user.role === 'chief') return sql`true`;
  if (!user.department) return sql`false`;
  return sql`exists (select 1 from ${departments} where ${departments.id} = ${user.department.id} and ${departments.line} = 'juvenile')`;
}

/** Whether a sealed case is hidden from this user (anyone but the juvenile department and the chief). */
export async function sealedFrom(db: Executor, user: Who, caseId: number | null): Promise<boolean> {
  if (caseId === null) return false;
  if (!(await isSealed(db, caseId))) return false;
  return !(await maySeeSealed(db, user));
}

/**
 * Who sees a minor's full record (names, id numbers): the case's handler, the head of the
 * juvenile department that holds it, and the chief (未成年人保护法 第一百零三条; 刑诉规则 第四百八十一条).
 */
export function mayViewFull(user: Who, record: { departmentId: number; handlerId: number | null }): boolean {
  if (user.role === 'chief') return true;
  if (record.handlerId === user.id) return true;
  return user.role === 'departmentHead' && user.department?.id === record.departmentId;
}
