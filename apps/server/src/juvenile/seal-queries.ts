import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { sealQueryDueOn } from '@procura/domain/juvenile/sealing';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { activeUsers, caseLabel, notifyUsers, rolesOf } from '../notifications/recipients.ts';
import { loadJuvenileCase } from './load-juvenile-case.ts';
import { presentSealQueries } from './present-seal-query.ts';
import type { TSealQuery, TSealQueryBody } from './schema.ts';

const { juvenileSealings, juvenileSealQueries } = schema;

async function loadSealing(database: Database, id: number) {
  const [sealing] = await database.db
    .select()
    .from(juvenileSealings)
    .where(and(eq(juvenileSealings.id, id), isNull(juvenileSealings.unsealedAt)));
  if (!sealing) throw notFound('封存记录');
  return sealing;
}

async function presentOne(database: Database, id: number): Promise<TSealQuery> {
  const [query] = await presentSealQueries(database.db, eq(juvenileSealQueries.id, id));
  return query!;
}

/**
 * Registers a written request to query a sealed record (刑诉规则 第四百八十四条第二款): who asked,
 * on whose behalf, why; the decision is due within seven days of receipt.
 */
export async function recordSealQuery(
  database: Database,
  options: { sealingId: number; input: TSealQueryBody; user: SessionUser; ip: string | null },
): Promise<TSealQuery> {
  const { input, user } = options;
  const sealing = await loadSealing(database, options.sealingId);
  if (input.receivedOn > today())
    throw new DomainError('VALIDATION', '字段 receivedOn：收到申请日期不能晚于今天');
  const id = await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, sealing.caseId, user, { lock: true });
    const [query] = await tx
      .insert(juvenileSealQueries)
      .values({
        sealingId: sealing.id,
        requesterBody: input.requesterBody,
        requesterName: input.requesterName,
        purpose: input.purpose,
        receivedOn: input.receivedOn,
        dueOn: sealQueryDueOn(input.receivedOn),
        state: 'pending',
        recordedBy: user.id,
      })
      .returning({ id: juvenileSealQueries.id });
    // The juvenile heads decide (the chief for a head's own entry); the title masked, as on lists.
    const deciders =
      user.role === 'departmentHead'
        ? await activeUsers(tx, ['chief'], null)
        : await activeUsers(tx, ['departmentHead'], row.departmentId);
    await notifyUsers(
      tx,
      deciders.map((u) => u.id),
      {
        actorId: user.id,
        kind: 'sealQueryRequested',
        text: `${user.displayName}登记了${input.requesterBody}查询${await caseLabel(tx, sealing.caseId)}封存记录的申请，请于 ${sealQueryDueOn(input.receivedOn)} 前决定`,
        link: '/juvenile/sealed',
      },
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.sealQuery',
      targetType: 'case',
      targetId: sealing.caseId,
      ip: options.ip,
      detail: { queryId: query!.id, requesterBody: input.requesterBody, purpose: input.purpose },
    });
    return query!.id;
  });
  return presentOne(database, id);
}

/** The juvenile head or the chief permits or refuses a query; who and when are kept. */
export async function decideSealQuery(
  database: Database,
  options: { id: number; input: { approve: boolean; note?: string }; user: SessionUser; ip: string | null },
): Promise<TSealQuery> {
  const { input, user } = options;
  const [query] = await database.db
    .select()
    .from(juvenileSealQueries)
    .where(eq(juvenileSealQueries.id, options.id));
  if (!query) throw notFound('查询申请');
  const sealing = await loadSealing(database, query.sealingId);
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, sealing.caseId, user, { lock: true });
    if (user.role === 'deputyChief') throw forbidden('封存记录查询申请由未检部门负责人或检察长决定');
    if (user.role === 'departmentHead' && user.department?.id !== row.departmentId) {
      throw forbidden('只能决定本部门封存记录的查询申请');
    }
    const [current] = await tx
      .select()
      .from(juvenileSealQueries)
      .where(eq(juvenileSealQueries.id, query.id))
      .for('update');
    if (current!.state !== 'pending') throw new DomainError('CONFLICT', '该查询申请已作出决定');
    // Four eyes: never who entered it; a head's own entry goes to the chief.
    if (current!.recordedBy === user.id) {
      throw forbidden('不能决定本人登记的封存记录查询申请（四眼原则），请由未检部门负责人或检察长决定');
    }
    const [recorder] = await rolesOf(tx, [current!.recordedBy]);
    if (recorder?.role === 'departmentHead' && user.role !== 'chief') {
      throw forbidden('部门负责人登记的封存记录查询申请须由检察长决定');
    }
    if (!input.note) throw new DomainError('VALIDATION', '字段 note：请写明许可或不予许可的理由');
    await tx
      .update(juvenileSealQueries)
      .set({
        state: input.approve ? 'permitted' : 'refused',
        decidedBy: user.id,
        decidedAt: now(),
        decisionNote: input.note,
      })
      .where(eq(juvenileSealQueries.id, query.id));
    await notifyUsers(tx, [current!.recordedBy], {
      actorId: user.id,
      kind: 'sealQueryDecided',
      text: `${user.displayName}${input.approve ? '许可' : '不予许可'}${query.requesterBody}查询${await caseLabel(tx, sealing.caseId)}封存记录：${input.note}`,
      link: '/juvenile/sealed',
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.decideSealQuery',
      targetType: 'case',
      targetId: sealing.caseId,
      ip: options.ip,
      detail: { queryId: query.id, approve: input.approve, note: input.note, dueOn: query.dueOn },
    });
  });
  return presentOne(database, query.id);
}
