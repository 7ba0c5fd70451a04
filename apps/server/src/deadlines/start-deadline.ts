import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { deadlinesStartedBy, type TCaseType } from '@procura/domain/cases/case-types';
import type { TCaseEventKind } from '@procura/domain/cases/event-kinds';
import { type LimitId, limits, type Period } from '@procura/domain/deadlines/index';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { computeColumns, successorsOf } from './recompute-deadline.ts';

const { deadlines } = schema;

export interface StartDeadlineInput {
  limitId: LimitId;
  /** Day of the start event ('YYYY-MM-DD'); not counted. */
  start: string;
  urgent?: boolean;
  /** A shorter period set for this record (检察建议 may set one); the statutory one otherwise. */
  period?: Period;
  caseId?: number | null;
  clueId?: number | null;
  suggestionId?: number | null;
  actor: AuditActor;
  ip: string | null;
}

/**
 * Starts a limit with the engine and, chained after it, the limits that begin when it ends; each
 * is audited. Returns the ids, first the limit itself.
 */
export async function startDeadline(tx: Executor, input: StartDeadlineInput): Promise<number[]> {
  const ids: number[] = [];
  const owner = {
    caseId: input.caseId ?? null,
    clueId: input.clueId ?? null,
    suggestionId: input.suggestionId ?? null,
  };
  let queue: {
    limitId: LimitId;
    start: string | null;
    predecessorId: number | null;
    urgent: boolean;
    period?: Period;
    waitingOn?: string;
  }[] = [
    {
      limitId: input.limitId,
      start: input.start,
      predecessorId: null,
      urgent: input.urgent ?? false,
      ...(input.period ? { period: input.period } : {}),
    },
  ];
  while (queue.length) {
    const next: typeof queue = [];
    for (const item of queue) {
      const columns = await computeColumns(tx, { ...item, pauses: [] });
      const [row] = await tx
        .insert(deadlines)
        .values({
          ...owner,
          ...columns,
          limitId: item.limitId,
          urgent: item.urgent,
          predecessorId: item.predecessorId,
        })
        .returning({ id: deadlines.id });
      ids.push(row!.id);
      await recordAudit(tx, {
        actor: input.actor,
        action: 'deadline.create',
        targetType: 'deadline',
        targetId: row!.id,
        ip: input.ip,
        detail: {
          ...owner,
          limitId: item.limitId,
          start: columns.startOn,
          due: columns.dueOn,
          warnings: columns.warnings,
        },
      });
      for (const successor of successorsOf(item.limitId)) {
        next.push({
          limitId: successor,
          start: columns.dueOn,
          predecessorId: row!.id,
          urgent: false,
          waitingOn: limits[item.limitId].name,
        });
      }
    }
    queue = next;
  }
  return ids;
}

/**
 * The case type's limits that an event starts (立案 → 立案后提出检察建议或终结案件 …). Limits with no
 * statutory length (set per case) are not started here.
 */
export async function startDeadlinesForEvent(
  tx: Executor,
  input: {
    caseId: number;
    caseType: TCaseType;
    kind: TCaseEventKind;
    on: string;
    actor: AuditActor;
    ip: string | null;
  },
): Promise<void> {
  const started = deadlinesStartedBy(input.caseType, input.kind);
  for (const limitId of started) {
    if (!limits[limitId].period) continue;
    await startDeadline(tx, {
      limitId,
      start: input.on,
      caseId: input.caseId,
      actor: input.actor,
      ip: input.ip,
    });
  }
}
