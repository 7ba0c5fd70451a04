import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { formatYuan } from '@procura/domain/clean/amount';
import { cleanName } from '@procura/domain/clean/name';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanApplicantId, cleanPhone } from './clean-fields.ts';
import { loadSupportedProsecution, requireSupportCase } from './load.ts';
import type { TApplicantBody, TApplicantPatch, TRecoveryBody, TSupportedProsecution } from './schema.ts';
import { syncOutcomes } from './sync-outcome.ts';
import { requireSupportRecord } from './update-support.ts';

const { supportedProsecutionApplicants: applicants } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

function valid<T>(field: string, result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new DomainError('VALIDATION', `字段 ${field}：${result.reason}`);
  return result.value;
}

async function applicantOf(tx: Executor, caseId: number, applicantId: number) {
  const [row] = await tx
    .select()
    .from(applicants)
    .where(and(eq(applicants.id, applicantId), eq(applicants.caseId, caseId)))
    .for('update');
  if (!row) throw notFound('申请人');
  return row;
}

async function sameIdApplicant(tx: Executor, caseId: number, idNumber: string) {
  const [row] = await tx
    .select({ id: applicants.id, name: applicants.name })
    .from(applicants)
    .where(and(eq(applicants.caseId, caseId), eq(applicants.idNumber, idNumber)));
  return row;
}

/** One applicant typed in by hand; a second one with the same ID number in the case is refused. */
export async function addApplicant(
  database: Database,
  options: Caller & { id: number; input: TApplicantBody },
): Promise<TSupportedProsecution> {
  const { id, input, user } = options;
  const name = valid('name', cleanName(input.name));
  const idNumber = valid('idNumber', cleanApplicantId(input.idNumber));
  const phone = valid('phone', cleanPhone(input.phone));
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    await requireSupportRecord(tx, id);
    const existing = await sameIdApplicant(tx, id, idNumber);
    if (existing) throw new DomainError('CONFLICT', `身份证号与本案申请人${existing.name}相同，不能重复登记`);
    const [row] = await tx
      .insert(applicants)
      .values({
        caseId: id,
        name,
        idNumber,
        phone,
        category: input.category,
        claimFen: input.claimFen,
        createdBy: user.id,
      })
      .returning({ id: applicants.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.addApplicant',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, applicantId: row!.id, claimFen: input.claimFen },
    });
    return loadSupportedProsecution(tx, theCase, user);
  });
}

/** Corrects an applicant's name, ID, contact, category or claim. */
export async function updateApplicant(
  database: Database,
  options: Caller & { id: number; applicantId: number; input: TApplicantPatch },
): Promise<TSupportedProsecution> {
  const { id, applicantId, input, user } = options;
  const changes = {
    ...(input.name !== undefined ? { name: valid('name', cleanName(input.name)) } : {}),
    ...(input.idNumber !== undefined
      ? { idNumber: valid('idNumber', cleanApplicantId(input.idNumber)) }
      : {}),
    ...(input.phone !== undefined ? { phone: valid('phone', cleanPhone(input.phone)) } : {}),
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.claimFen !== undefined ? { claimFen: input.claimFen } : {}),
  };
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    const row = await applicantOf(tx, id, applicantId);
    if (changes.idNumber && changes.idNumber !== row.idNumber) {
      const existing = await sameIdApplicant(tx, id, changes.idNumber);
      if (existing)
        throw new DomainError('CONFLICT', `身份证号与本案申请人${existing.name}相同，不能重复登记`);
    }
    const claimFen = changes.claimFen ?? row.claimFen;
    if (row.recoveredFen !== null && row.recoveredFen > claimFen && !row.overClaimReason) {
      throw new DomainError(
        'VALIDATION',
        `字段 claimFen：申请人${row.name}已追回 ${formatYuan(row.recoveredFen)} 元，请求金额不能少于已追回金额`,
      );
    }
    await tx
      .update(applicants)
      .set({ ...changes, updatedAt: now() })
      .where(eq(applicants.id, applicantId));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.updateApplicant',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, applicantId, fields: Object.keys(changes) },
    });
    return loadSupportedProsecution(tx, theCase, user);
  });
}

/**
 * The amount recovered for one applicant and the day it was paid; the case outcome follows (the
 * sum of all applicants). More than the claim is refused unless confirmed with a reason (interest,
 * compensation the court added…).
 */
export async function recordRecovery(
  database: Database,
  options: Caller & { id: number; applicantId: number; input: TRecoveryBody },
): Promise<TSupportedProsecution> {
  const { id, applicantId, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    await requireSupportRecord(tx, id);
    const row = await applicantOf(tx, id, applicantId);
    const over = input.recoveredFen > row.claimFen;
    if (over && !(input.confirmed && input.reason)) {
      throw new DomainError(
        'VALIDATION',
        `申请人${row.name}追回 ${formatYuan(input.recoveredFen)} 元，超过请求金额 ${formatYuan(row.claimFen)} 元：如确有超出（如利息、经济补偿），请确认并填写原因`,
        { overClaim: true },
      );
    }
    await tx
      .update(applicants)
      .set({
        recoveredFen: input.recoveredFen,
        paidOn: input.paidOn,
        overClaimReason: over ? input.reason! : null,
        updatedAt: now(),
      })
      .where(eq(applicants.id, applicantId));
    const reasonText = over ? `，超出请求金额的原因：${input.reason}` : '';
    await syncOutcomes(
      tx,
      id,
      user,
      `申请人${row.name}追回 ${formatYuan(input.recoveredFen)} 元（${input.paidOn} 支付${reasonText}）`,
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.recordRecovery',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: {
        caseNumber: theCase.caseNumber,
        applicantId,
        recoveredFen: input.recoveredFen,
        paidOn: input.paidOn,
        ...(over ? { overClaimReason: input.reason } : {}),
      },
    });
    return loadSupportedProsecution(tx, theCase, user);
  });
}
