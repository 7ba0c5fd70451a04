import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  disputeEntryStages,
  disputeMeans,
  disputeOutcomes,
  isResolved,
  type TDisputeEntryStage,
} from '@procura/domain/hearings';
import { disputeEntryStageIds, disputeOutcomeIds } from '@procura/domain/states';
import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { now, today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { refuseConflicts, seated } from './hearings.ts';
import { type CaseRow, loadDispute, reachCase, requireDisputeCase } from './load.ts';
import type { TDispute, TDisputeBody, TMeetingBody, TOutcomeBody, TStatistics } from './schema.ts';

const { adminDisputes, adminDisputeMeetings, hearings, cases } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

async function audit(tx: Executor, caller: Caller, action: string, theCase: CaseRow, detail: object) {
  await recordAudit(tx, {
    actor: actorOf(caller.user),
    action,
    targetType: 'case',
    targetId: theCase.id,
    ip: caller.ip,
    detail: { caseNumber: theCase.caseNumber, ...detail },
  });
}

async function requireRecord(tx: Executor, caseId: number) {
  const [row] = await tx.select().from(adminDisputes).where(eq(adminDisputes.caseId, caseId));
  if (!row) throw new DomainError('VALIDATION', '请先填写争议情况（邀请机关、当事人、行政行为、争议焦点）');
  return row;
}

/**
 * The dispute's particulars. The stage of entry is the case's 诉前/诉中/诉后; 公开听证 among the
 * means needs a hearing registered on the case.
 */
export async function updateDispute(
  database: Database,
  options: Caller & { id: number; input: TDisputeBody },
): Promise<TDispute> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireDisputeCase(await reachCase(tx, id, user, { lock: true }));
    const phase = theCase.phase as TDisputeEntryStage | null;
    if (phase && input.entryStage && input.entryStage !== phase) {
      throw new DomainError(
        'VALIDATION',
        `案件立案时所处阶段为${disputeEntryStages[phase].slice(0, 2)}，化解阶段应与之一致`,
      );
    }
    const entryStage = phase ?? input.entryStage;
    if (!entryStage) throw new DomainError('VALIDATION', '请选择介入阶段（诉前、诉中或诉后）');
    if (input.means.includes('publicHearing')) {
      const [hearing] = await tx
        .select({ id: hearings.id })
        .from(hearings)
        .where(eq(hearings.caseId, id))
        .limit(1);
      if (!hearing) throw new DomainError('VALIDATION', '化解方式含“公开听证”，但本案尚未登记听证');
    }
    // The officers already seated at the case's hearings may not be related to the new parties.
    const newParties = [
      ...input.parties.filter((p) => p.role === 'party' || p.role === 'organ').map((p) => p.name),
      input.administrativeOrgan,
    ];
    for (const hearing of await tx.select().from(hearings).where(eq(hearings.caseId, id))) {
      const names = hearing.participants
        .filter((p) => p.role === 'party' || p.role === 'organ')
        .map((p) => p.name);
      refuseConflicts(await seated(tx, hearing.id), [...names, ...newParties]);
    }
    const values = {
      entryStage,
      referredBy: input.referredBy,
      referredOn: input.referredOn ?? null,
      parties: input.parties,
      administrativeOrgan: input.administrativeOrgan,
      administrativeAct: input.administrativeAct,
      disputeFocus: input.disputeFocus,
      means: [...new Set(input.means)],
      updatedBy: user.id,
      updatedAt: now(),
    };
    await tx
      .insert(adminDisputes)
      .values({ caseId: id, ...values })
      .onConflictDoUpdate({ target: adminDisputes.caseId, set: values });
    await audit(tx, options, 'dispute.update', theCase, {
      entryStage,
      means: values.means.map((m) => disputeMeans[m]),
      parties: input.parties.length,
    });
    return loadDispute(tx, theCase, user);
  });
}

/** 会商: the day, the bodies present and the minutes. */
export async function addMeeting(
  database: Database,
  options: Caller & { id: number; input: TMeetingBody },
): Promise<TDispute> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireDisputeCase(await reachCase(tx, id, user, { lock: true }));
    await requireRecord(tx, id);
    if (input.heldOn > today())
      throw new DomainError('VALIDATION', `会商日期 ${input.heldOn} 晚于今天，请在会商后登记`);
    const [row] = await tx
      .insert(adminDisputeMeetings)
      .values({
        caseId: id,
        heldOn: input.heldOn,
        bodies: input.bodies,
        minutes: input.minutes,
        createdBy: user.id,
      })
      .returning({ id: adminDisputeMeetings.id });
    await audit(tx, options, 'dispute.addMeeting', theCase, { meetingId: row!.id, heldOn: input.heldOn });
    return loadDispute(tx, theCase, user);
  });
}

/** How the dispute ended (撤诉, 和解, 行政机关依法履职, 息诉罢访, 未化解) and on which day. */
export async function recordDisputeOutcome(
  database: Database,
  options: Caller & { id: number; input: TOutcomeBody },
): Promise<TDispute> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireDisputeCase(await reachCase(tx, id, user, { lock: true }));
    const record = await requireRecord(tx, id);
    if (input.outcomeOn > today()) {
      throw new DomainError('VALIDATION', `化解结果日期 ${input.outcomeOn} 晚于今天`);
    }
    if (record.referredOn && input.outcomeOn < record.referredOn) {
      throw new DomainError(
        'VALIDATION',
        `化解结果日期 ${input.outcomeOn} 早于受邀（受理）日期 ${record.referredOn}`,
      );
    }
    await tx
      .update(adminDisputes)
      .set({
        outcome: input.outcome,
        outcomeOn: input.outcomeOn,
        outcomeNote: input.note || null,
        updatedBy: user.id,
        updatedAt: now(),
      })
      .where(eq(adminDisputes.caseId, id));
    await audit(tx, options, 'dispute.recordOutcome', theCase, {
      outcome: input.outcome,
      outcomeOn: input.outcomeOn,
      previous: record.outcome,
    });
    return loadDispute(tx, theCase, user);
  });
}

/** 三年前的今天 (2026-12-03 → 2023-12-04): the default "近三年". */
function threeYearsBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 化解 counted: disputes of the cases the user reaches whose outcome is dated within the period
 * (by default the last three years up to today); every outcome but 未化解 is a dispute resolved.
 */
export async function disputeStatistics(
  database: Database,
  options: { user: SessionUser; from?: string; to?: string },
): Promise<TStatistics> {
  const to = options.to ?? today();
  const from = options.from ?? threeYearsBefore(to);
  if (from > to) throw new DomainError('VALIDATION', `起始日期 ${from} 晚于截止日期 ${to}`);
  const rows = await database.db
    .select({
      outcome: adminDisputes.outcome,
      outcomeOn: adminDisputes.outcomeOn,
      entryStage: adminDisputes.entryStage,
    })
    .from(adminDisputes)
    .innerJoin(cases, eq(cases.id, adminDisputes.caseId))
    .where(
      and(
        isNotNull(adminDisputes.outcome),
        gte(adminDisputes.outcomeOn, from),
        lte(adminDisputes.outcomeOn, to),
        reachCondition(options.user, { departmentId: cases.departmentId, handlerId: cases.handlerId }),
      ),
    );
  const resolvedRows = rows.filter((r) => isResolved(r.outcome));
  const years = new Map<number, number>();
  for (const r of resolvedRows) {
    const year = Number(r.outcomeOn!.slice(0, 4));
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return {
    from,
    to,
    resolved: resolvedRows.length,
    unresolved: rows.length - resolvedRows.length,
    byOutcome: disputeOutcomeIds.map((outcome) => ({
      outcome,
      label: disputeOutcomes[outcome],
      count: rows.filter((r) => r.outcome === outcome).length,
    })),
    byEntryStage: disputeEntryStageIds.map((entryStage) => ({
      entryStage,
      label: disputeEntryStages[entryStage].slice(0, 2),
      resolved: resolvedRows.filter((r) => r.entryStage === entryStage).length,
    })),
    byYear: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, resolved]) => ({ year, resolved })),
  };
}
