import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  agreedActionState,
  pilCaseTypes,
  pilCheckResults,
  pilConsultationKinds,
} from '@procura/domain/pil-mechanisms';
import { asc, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { type CaseRow, reachCase } from '../hearings/load.ts';
import type { TCheckBody, TConsultationBody, TConsultations } from './schema.ts';

const { pilConsultations, users } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

/** Refuses a case that is not a public-interest case; the case has already passed the reach check. */
export function requirePilCase(row: CaseRow): CaseRow {
  if (!(pilCaseTypes as readonly string[]).includes(row.type)) {
    throw new DomainError('VALIDATION', `案件 ${row.caseNumber} 不是公益诉讼案件，不能登记磋商或圆桌会议`);
  }
  return row;
}

/** The case's consultations and round tables in date order, with the agreed action's state. */
export async function loadConsultations(db: Executor, caseId: number): Promise<TConsultations> {
  const rows = await db
    .select({ row: pilConsultations, recordedBy: users.displayName })
    .from(pilConsultations)
    .innerJoin(users, eq(users.id, pilConsultations.createdBy))
    .where(eq(pilConsultations.caseId, caseId))
    .orderBy(asc(pilConsultations.heldOn), asc(pilConsultations.id));
  const day = today();
  return {
    caseId,
    consultations: rows.map(({ row, recordedBy }) => ({
      id: row.id,
      caseId: row.caseId,
      kind: row.kind,
      kindLabel: pilConsultationKinds[row.kind],
      heldOn: row.heldOn,
      bodies: row.bodies,
      topic: row.topic,
      agreed: row.agreed,
      actionDueOn: row.actionDueOn,
      minutes: row.minutes,
      checkedOn: row.checkedOn,
      checkResult: row.checkResult,
      checkResultLabel: row.checkResult ? pilCheckResults[row.checkResult] : null,
      checkNote: row.checkNote,
      actionState: row.kind === 'consultation' ? agreedActionState(row, day) : null,
      recordedBy,
    })),
  };
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

/** 磋商 (what was agreed, by when) or 圆桌会议 (its minutes), held on or before today. */
export async function addConsultation(
  database: Database,
  options: Caller & { id: number; input: TConsultationBody },
): Promise<TConsultations> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requirePilCase(await reachCase(tx, id, user, { lock: true }));
    const label = pilConsultationKinds[input.kind];
    if (input.heldOn > today()) {
      throw new DomainError('VALIDATION', `${label}日期 ${input.heldOn} 晚于今天，请在${label}后登记`);
    }
    if (input.kind === 'consultation') {
      if (!input.agreed)
        throw new DomainError('VALIDATION', '请填写磋商达成的意见（行政机关同意采取的措施）');
      if (!input.actionDueOn) throw new DomainError('VALIDATION', '请填写整改期限');
      if (input.actionDueOn < input.heldOn) {
        throw new DomainError('VALIDATION', `整改期限 ${input.actionDueOn} 早于磋商日期 ${input.heldOn}`);
      }
    } else if (!input.minutes) {
      throw new DomainError('VALIDATION', '请填写圆桌会议纪要');
    }
    const [row] = await tx
      .insert(pilConsultations)
      .values({
        caseId: id,
        kind: input.kind,
        heldOn: input.heldOn,
        bodies: [...new Set(input.bodies)],
        topic: input.topic || null,
        agreed: input.kind === 'consultation' ? input.agreed! : null,
        actionDueOn: input.kind === 'consultation' ? input.actionDueOn! : null,
        minutes: input.minutes || null,
        createdBy: user.id,
      })
      .returning({ id: pilConsultations.id });
    await audit(tx, options, 'consultation.create', theCase, {
      consultationId: row!.id,
      kind: input.kind,
      heldOn: input.heldOn,
      actionDueOn: input.actionDueOn ?? null,
    });
    return loadConsultations(tx, id);
  });
}

/** 跟进监督: the check of the agreed action (result and day); a later check replaces it. */
export async function recordCheck(
  database: Database,
  options: Caller & { consultationId: number; input: TCheckBody },
): Promise<TConsultations> {
  const { consultationId, input, user } = options;
  return database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(pilConsultations).where(eq(pilConsultations.id, consultationId));
    if (!found) throw notFound('磋商记录');
    let theCase: CaseRow;
    try {
      theCase = await reachCase(tx, found.caseId, user, { lock: true });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('磋商记录');
      throw error;
    }
    if (found.kind !== 'consultation') {
      throw new DomainError('VALIDATION', '圆桌会议没有约定的整改事项，无需跟进核查');
    }
    if (input.checkedOn > today())
      throw new DomainError('VALIDATION', `核查日期 ${input.checkedOn} 晚于今天`);
    if (input.checkedOn < found.heldOn) {
      throw new DomainError('VALIDATION', `核查日期 ${input.checkedOn} 早于磋商日期 ${found.heldOn}`);
    }
    await tx
      .update(pilConsultations)
      .set({
        checkedOn: input.checkedOn,
        checkResult: input.result,
        checkNote: input.note || null,
        updatedAt: now(),
      })
      .where(eq(pilConsultations.id, consultationId));
    await audit(tx, options, 'consultation.check', theCase, {
      consultationId,
      result: input.result,
      checkedOn: input.checkedOn,
      previous: found.checkResult,
    });
    return loadConsultations(tx, found.caseId);
  });
}
