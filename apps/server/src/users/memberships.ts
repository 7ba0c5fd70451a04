import { type Executor, schema } from '@procura/db';
import { and, eq, isNull } from 'drizzle-orm';
import { today } from '../clock.ts';

/**
 * Keeps department_memberships in step with users.department_id: the open membership ends today
 * and, with a department, a new one starts today (half-open [from, to)), so the assessment scores a
 * person moved mid-period in each department with the days spent there. Call it in the transaction
 * that sets the department (creation, a move, an approved elevation, the demo seed).
 */
export async function recordMembership(
  tx: Executor,
  userId: number,
  departmentId: number | null,
): Promise<void> {
  const day = today();
  const [open] = await tx
    .select()
    .from(schema.departmentMemberships)
    .where(and(eq(schema.departmentMemberships.userId, userId), isNull(schema.departmentMemberships.toDate)))
    .for('update');
  if (open?.departmentId === departmentId) return;
  if (open)
    await tx
      .update(schema.departmentMemberships)
      .set({ toDate: [day, open.fromDate].sort()[1]! })
      .where(eq(schema.departmentMemberships.id, open.id));
  if (departmentId !== null)
    await tx.insert(schema.departmentMemberships).values({ userId, departmentId, fromDate: day });
}
