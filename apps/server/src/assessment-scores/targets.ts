import { type Database, schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { schemeForPeriod } from './assess.ts';
import { yearPeriod } from './profile.ts';

/**
 * 跳起摸高: a department head sets a target for one indicator of their department; the scoring
 * uses it when it is beyond the department's best (assessment/scoring.ts). Clearing: target null.
 */
export async function setTarget(
  database: Database,
  options: {
    user: SessionUser;
    ip: string | null;
    year: number;
    indicatorKey: string;
    target: number | null;
  },
): Promise<{ indicatorKey: string; target: number | null }> {
  const department = options.user.department;
  if (!department) throw new DomainError('FORBIDDEN', '您不属于任何部门，不能设定目标值');
  const period = yearPeriod(options.year);
  const { scheme } = await schemeForPeriod(database.db, period);
  if (!scheme.indicators.some((i) => i.key === options.indicatorKey)) {
    throw new DomainError('VALIDATION', `考评方案中没有指标“${options.indicatorKey}”`);
  }
  const t = schema.assessmentTargets;
  await database.db.transaction(async (tx) => {
    const where = {
      departmentId: department.id,
      periodFrom: period.from,
      periodTo: period.to,
      indicatorKey: options.indicatorKey,
    };
    if (options.target === null) {
      await tx
        .delete(t)
        .where(
          and(
            eq(t.departmentId, where.departmentId),
            eq(t.periodFrom, where.periodFrom),
            eq(t.periodTo, where.periodTo),
            eq(t.indicatorKey, where.indicatorKey),
          ),
        );
    } else {
      await tx
        .insert(t)
        .values({ ...where, target: options.target, setBy: options.user.id, setAt: now() })
        .onConflictDoUpdate({
          target: [t.departmentId, t.periodFrom, t.periodTo, t.indicatorKey],
          set: { target: options.target, setBy: options.user.id, setAt: now() },
        });
    }
    await recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'assessment.target',
      targetType: 'department',
      targetId: department.id,
      ip: options.ip,
      detail: { period, indicatorKey: options.indicatorKey, target: options.target },
    });
  });
  return { indicatorKey: options.indicatorKey, target: options.target };
}
