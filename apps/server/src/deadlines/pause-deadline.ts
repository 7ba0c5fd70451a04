import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { getDeadline } from './list-deadlines.ts';
import { recomputeChain } from './recompute-deadline.ts';
import { pauseReasons, type TDeadline, type TPauseBody, type TResumeBody } from './schema.ts';

const { deadlines } = schema;

/** The deadline row locked for this transaction; 404 when missing or out of the user's reach. */
async function lockDeadline(tx: Executor, id: number, user: SessionUser) {
  if (!(await getDeadline(tx, id, user))) throw notFound('期限');
  const [row] = await tx.select().from(deadlines).where(eq(deadlines.id, id)).for('update');
  if (!row) throw notFound('期限');
  if (row.completedOn) throw new DomainError('CONFLICT', `「${row.name}」已完成，不能再中止或恢复`);
  return row;
}

/** 中止 (鉴定、审计、审批): the clock stops from `from`; the due date is unknown until resumed. */
export async function pauseDeadline(
  database: Database,
  options: { id: number; input: TPauseBody; user: SessionUser; ip: string | null },
): Promise<TDeadline> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const row = await lockDeadline(tx, id, user);
    if (row.state === 'pending' || row.startOn === null) {
      throw new DomainError('CONFLICT', `「${row.name}」尚未起算，不能中止`);
    }
    if (row.pauses.some((p) => p.to === null))
      throw new DomainError('CONFLICT', `「${row.name}」已处于中止状态`);
    if (input.from <= row.startOn) {
      throw new DomainError('VALIDATION', `字段 from：中止开始日应晚于起算日 ${row.startOn}`);
    }
    const reason = input.note ? `${pauseReasons[input.reason]}：${input.note}` : pauseReasons[input.reason];
    const pauses = [...row.pauses, { from: input.from, to: null, reason }];
    await tx
      .update(deadlines)
      .set({ pauses })
      .where(and(eq(deadlines.id, id)));
    await recomputeChain(tx, { ...row, pauses });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'deadline.pause',
      targetType: 'deadline',
      targetId: id,
      ip: options.ip,
      detail: { limitId: row.limitId, caseId: row.caseId, from: input.from, reason },
    });
  });
  return (await getDeadline(database.db, id, user))!;
}

/** 恢复: closes the open pause on its last paused day `to`; the engine gives the new due date. */
export async function resumeDeadline(
  database: Database,
  options: { id: number; input: TResumeBody; user: SessionUser; ip: string | null },
): Promise<TDeadline> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const row = await lockDeadline(tx, id, user);
    const open = row.pauses.find((p) => p.to === null);
    if (!open) throw new DomainError('CONFLICT', `「${row.name}」未处于中止状态`);
    if (input.to < open.from) {
      throw new DomainError('VALIDATION', `字段 to：中止结束日不能早于中止开始日 ${open.from}`);
    }
    const pauses = row.pauses.map((p) => (p === open ? { ...p, to: input.to } : p));
    await tx.update(deadlines).set({ pauses }).where(eq(deadlines.id, id));
    await recomputeChain(tx, { ...row, pauses });
    const [after] = await tx.select({ due: deadlines.dueOn }).from(deadlines).where(eq(deadlines.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'deadline.resume',
      targetType: 'deadline',
      targetId: id,
      ip: options.ip,
      detail: {
        limitId: row.limitId,
        caseId: row.caseId,
        from: open.from,
        to: input.to,
        due: after?.due ?? null,
      },
    });
  });
  return (await getDeadline(database.db, id, user))!;
}
