import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/record-audit.ts';
import { today } from '../clock.ts';
import { startDeadline } from '../deadlines/start-deadline.ts';

/**
 * 线索评估期限: the receiving department's setting (部门设置, days from receipt), computed by the
 * deadline engine like every limit and kept on the clue as its due date. The law sets no length
 * (packages/domain/src/deadlines/limits.ts, clueAssessment), so a department without the setting
 * starts none rather than guessing. Returns the due date, or null.
 */
export async function startClueAssessment(
  tx: Executor,
  options: { clueId: number; departmentId: number; actor: AuditActor; ip: string | null },
): Promise<string | null> {
  const [department] = await tx
    .select({ days: schema.departments.clueAssessmentDays })
    .from(schema.departments)
    .where(eq(schema.departments.id, options.departmentId));
  if (!department?.days) return null;
  const [deadlineId] = await startDeadline(tx, {
    limitId: 'clueAssessment',
    start: today(),
    period: { amount: department.days, unit: 'day' },
    clueId: options.clueId,
    actor: options.actor,
    ip: options.ip,
  });
  const [deadline] = await tx
    .select({ dueOn: schema.deadlines.dueOn })
    .from(schema.deadlines)
    .where(eq(schema.deadlines.id, deadlineId!));
  const dueOn = deadline?.dueOn ?? null;
  await tx.update(schema.clues).set({ assessmentDueOn: dueOn }).where(eq(schema.clues.id, options.clueId));
  return dueOn;
}
