import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { formatYuan } from '@procura/domain/clean/amount';
import { cleanName } from '@procura/domain/clean/name';
import { judicialAidDecisions } from '@procura/domain/judicial-aid';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { now, today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanApplicantId } from '../supported-prosecution/clean-fields.ts';
import { isJuvenileCase, loadCaseAid } from './load.ts';
import type {
  TApplicationPatch,
  TApplyBody,
  TCaseJudicialAid,
  TDecisionBody,
  TPaymentBody,
} from './schema.ts';

const { judicialAids } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

function valid<T>(field: string, result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new DomainError('VALIDATION', `字段 ${field}：${result.reason}`);
  return result.value;
}

/** A date of this step: not in the future, not before the step before it. */
function checkDay(
  field: string,
  label: string,
  day: string,
  earliest?: { day: string | null; label: string },
): void {
  if (day > today()) throw new DomainError('VALIDATION', `字段 ${field}：${label}（${day}）不能晚于今天`);
  if (earliest?.day && day < earliest.day) {
    throw new DomainError(
      'VALIDATION',
      `字段 ${field}：${label}（${day}）不能早于${earliest.label}（${earliest.day}）`,
    );
  }
}

async function aidOf(tx: Executor, caseId: number, aidId: number) {
  const [row] = await tx
    .select()
    .from(judicialAids)
    .where(and(eq(judicialAids.id, aidId), eq(judicialAids.caseId, caseId)))
    .for('update');
  if (!row) throw notFound('司法救助记录');
  return row;
}

/** 司法救助申请: who asks, when and why; on a juvenile case, optionally for which minor. */
export async function applyForAid(
  database: Database,
  options: Caller & { id: number; input: TApplyBody },
): Promise<TCaseJudicialAid> {
  const { id, input, user } = options;
  const applicantName = valid('applicantName', cleanName(input.applicantName));
  const applicantIdNumber = valid('applicantIdNumber', cleanApplicantId(input.applicantIdNumber));
  checkDay('appliedOn', '申请日期', input.appliedOn);
  const reason = input.reason ? input.reason : null;
  if (input.category === 'other' && !reason) {
    throw new DomainError('VALIDATION', '字段 reason：救助事由为“其他”时须写明申请理由');
  }
  return database.db.transaction(async (tx) => {
    const theCase = await lockCase(tx, id, user);
    if (input.minorId !== undefined) {
      if (!isJuvenileCase(theCase)) {
        throw new DomainError('VALIDATION', '字段 minorId：只有未成年人检察案件可以指定未成年人');
      }
      const [minor] = await tx
        .select({ caseId: schema.juvenileMinors.caseId })
        .from(schema.juvenileMinors)
        .where(eq(schema.juvenileMinors.id, input.minorId));
      if (!minor || minor.caseId !== id)
        throw new DomainError('VALIDATION', `字段 minorId：未成年人 ${input.minorId} 不在本案中`);
    }
    const [open] = await tx
      .select({ id: judicialAids.id })
      .from(judicialAids)
      .where(
        and(
          eq(judicialAids.caseId, id),
          eq(judicialAids.applicantIdNumber, applicantIdNumber),
          eq(judicialAids.decision, 'pending'),
        ),
      );
    if (open) {
      throw new DomainError('CONFLICT', `申请人${applicantName}在本案已有待决定的司法救助申请，不能重复登记`);
    }
    const [row] = await tx
      .insert(judicialAids)
      .values({
        caseId: id,
        minorId: input.minorId ?? null,
        applicantName,
        applicantIdNumber,
        appliedOn: input.appliedOn,
        category: input.category,
        reason,
        decision: 'pending',
        createdBy: user.id,
      })
      .returning({ id: judicialAids.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'judicialAid.apply',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, aidId: row!.id, category: input.category },
    });
    return loadCaseAid(tx, theCase, user);
  });
}

/**
 * Corrects an application (applicant, date, 救助事由, reason) while it awaits its decision; once
 * decided it stands as decided. The earlier values go to the audit log.
 */
export async function correctApplication(
  database: Database,
  options: Caller & { id: number; aidId: number; input: TApplicationPatch },
): Promise<TCaseJudicialAid> {
  const { id, aidId, input, user } = options;
  const changes = {
    ...(input.applicantName !== undefined
      ? { applicantName: valid('applicantName', cleanName(input.applicantName)) }
      : {}),
    ...(input.applicantIdNumber !== undefined
      ? { applicantIdNumber: valid('applicantIdNumber', cleanApplicantId(input.applicantIdNumber)) }
      : {}),
    ...(input.appliedOn !== undefined ? { appliedOn: input.appliedOn } : {}),
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.reason !== undefined ? { reason: input.reason || null } : {}),
  };
  if (changes.appliedOn) checkDay('appliedOn', '申请日期', changes.appliedOn);
  return database.db.transaction(async (tx) => {
    const theCase = await lockCase(tx, id, user);
    const aid = await aidOf(tx, id, aidId);
    if (aid.decision !== 'pending') {
      throw new DomainError(
        'CONFLICT',
        `该申请已决定${judicialAidDecisions[aid.decision]}，不能再修改申请内容`,
      );
    }
    if (
      (changes.category ?? aid.category) === 'other' &&
      !(changes.reason !== undefined ? changes.reason : aid.reason)
    ) {
      throw new DomainError('VALIDATION', '字段 reason：救助事由为“其他”时须写明申请理由');
    }
    await tx
      .update(judicialAids)
      .set({ ...changes, updatedAt: now() })
      .where(eq(judicialAids.id, aidId));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'judicialAid.correct',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: {
        caseNumber: theCase.caseNumber,
        aidId,
        changed: Object.keys(changes),
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, aid[k as keyof typeof aid]])),
      },
    });
    return loadCaseAid(tx, theCase, user);
  });
}

/** 批准 (with the amount approved) or 不予救助 (with the reason), once, by the leadership. */
export async function decideAid(
  database: Database,
  options: Caller & { id: number; aidId: number; input: TDecisionBody },
): Promise<TCaseJudicialAid> {
  const { id, aidId, input, user } = options;
  if (input.decision === 'granted' && (input.approvedFen === undefined || input.approvedFen <= 0)) {
    throw new DomainError('VALIDATION', '字段 approvedFen：批准救助须填写救助金额，且大于零');
  }
  if (input.decision === 'refused' && input.approvedFen !== undefined) {
    throw new DomainError('VALIDATION', '字段 approvedFen：不予救助不填救助金额');
  }
  if (input.decision === 'refused' && !input.note) {
    throw new DomainError('VALIDATION', '字段 note：不予救助须写明理由');
  }
  return database.db.transaction(async (tx) => {
    const theCase = await lockCase(tx, id, user);
    const aid = await aidOf(tx, id, aidId);
    if (aid.decision !== 'pending') {
      throw new DomainError(
        'CONFLICT',
        `该申请已于 ${aid.decidedOn ?? '此前'} 决定${judicialAidDecisions[aid.decision]}，不能再次决定`,
      );
    }
    checkDay('decidedOn', '决定日期', input.decidedOn, { day: aid.appliedOn, label: '申请日期' });
    await tx
      .update(judicialAids)
      .set({
        decision: input.decision,
        decidedOn: input.decidedOn,
        decidedBy: user.id,
        decisionNote: input.note ?? null,
        approvedFen: input.decision === 'granted' ? input.approvedFen! : null,
        updatedAt: now(),
      })
      .where(eq(judicialAids.id, aidId));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'judicialAid.decide',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: {
        caseNumber: theCase.caseNumber,
        aidId,
        decision: input.decision,
        approvedFen: input.approvedFen ?? null,
      },
    });
    return loadCaseAid(tx, theCase, user);
  });
}

/**
 * 发放: only after 批准, dated on or after the decision; more than approved only when confirmed
 * with a reason. Recording it again corrects it (the audit log keeps the earlier figures).
 */
export async function recordPayment(
  database: Database,
  options: Caller & { id: number; aidId: number; input: TPaymentBody },
): Promise<TCaseJudicialAid> {
  const { id, aidId, input, user } = options;
  if (input.paidFen <= 0) throw new DomainError('VALIDATION', '字段 paidFen：发放金额须大于零');
  return database.db.transaction(async (tx) => {
    const theCase = await lockCase(tx, id, user);
    const aid = await aidOf(tx, id, aidId);
    if (aid.decision !== 'granted') {
      throw new DomainError(
        'CONFLICT',
        aid.decision === 'refused' ? '该申请已决定不予救助，不能发放' : '该申请尚未批准救助，不能发放',
      );
    }
    checkDay('paidOn', '发放日期', input.paidOn, { day: aid.decidedOn, label: '决定日期' });
    const approved = aid.approvedFen ?? 0;
    let overPaidReason: string | null = null;
    if (input.paidFen > approved) {
      if (!input.confirmed || !input.reason) {
        throw new DomainError(
          'VALIDATION',
          `字段 paidFen：发放金额 ${formatYuan(input.paidFen)} 元超过批准金额 ${formatYuan(approved)} 元；确需超额发放的，请确认并说明原因`,
        );
      }
      overPaidReason = input.reason;
    }
    await tx
      .update(judicialAids)
      .set({ paidOn: input.paidOn, paidFen: input.paidFen, overPaidReason, updatedAt: now() })
      .where(eq(judicialAids.id, aidId));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'judicialAid.pay',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: {
        caseNumber: theCase.caseNumber,
        aidId,
        paidFen: input.paidFen,
        paidOn: input.paidOn,
        before: aid.paidFen === null ? null : { paidFen: aid.paidFen, paidOn: aid.paidOn },
        ...(overPaidReason ? { overPaidReason } : {}),
      },
    });
    return loadCaseAid(tx, theCase, user);
  });
}
