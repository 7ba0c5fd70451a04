import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { isFinalStage } from '@procura/domain/cases/case-types';
import { caseEventLabel, systemEventKinds } from '@procura/domain/cases/event-kinds';
import { chinaDate } from '@procura/domain/china-time';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import * as clock from '../clock.ts';
import { startDeadlinesForEvent } from '../deadlines/start-deadline.ts';
import { DomainError } from '../errors.ts';
import { getCase } from './get-case.ts';
import { lockCase } from './lock-case.ts';
import type { TCaseDetail, TRecordEventBody } from './schema.ts';

/** Adds an event (调查取证, 送达检察建议, 收到回复…) to a case's timeline. */
export async function recordCaseEvent(
  database: Database,
  options: { id: number; input: TRecordEventBody; user: SessionUser; ip: string | null },
): Promise<TCaseDetail> {
  const { id, input, user } = options;
  if (systemEventKinds.includes(input.kind)) {
    throw new DomainError('VALIDATION', `「${caseEventLabel(input.kind)}」由系统自动记录，不能手工添加`);
  }
  const now = clock.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 60_000) {
    throw new DomainError('VALIDATION', '字段 at：事项时间不能晚于当前时间');
  }
  await database.db.transaction(async (tx) => {
    const row = await lockCase(tx, id, user);
    if (isFinalStage(row.type, row.stage)) {
      throw new DomainError('CONFLICT', `案件${row.caseNumber}已办结，不能再记录办案事项`);
    }
    if (at < row.openedAt) throw new DomainError('VALIDATION', '字段 at：事项时间不能早于立案时间');
    const [event] = await tx
      .insert(schema.caseEvents)
      .values({
        caseId: id,
        kind: input.kind,
        at,
        actorId: user.id,
        actorName: user.displayName,
        note: input.note ?? null,
        data: input.data ?? {},
      })
      .returning({ id: schema.caseEvents.id });
    await startDeadlinesForEvent(tx, {
      caseId: id,
      caseType: row.type,
      kind: input.kind,
      on: chinaDate(at),
      actor: actorOf(user),
      ip: options.ip,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.recordEvent',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { eventId: event!.id, kind: input.kind, at: at.toISOString() },
    });
  });
  return (await getCase(database.db, id, user))!;
}
