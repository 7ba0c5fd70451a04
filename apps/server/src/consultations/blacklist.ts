import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { maskPersonName } from '@procura/domain/hearings';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { type CaseRow, reachCase } from '../hearings/load.ts';
import { ZDay } from '../http/dates.ts';
import { requirePilCase } from './consultations.ts';

const { blacklistReferrals: referrals } = schema;

const text = (label: string, max: number) => z.string().trim().min(1, `${label}不能为空`).max(max);

export const ZReferralBody = z.strictObject({
  operatorName: text('经营者名称', 200),
  operatorCode: z.string().trim().max(30).optional(),
  regulator: text('移送的监管部门', 100),
  referredOn: ZDay,
  reason: text('移送理由（严重失信情形）', 5_000),
});
export type TReferralBody = z.infer<typeof ZReferralBody>;

export const ZConfirmationBody = z.strictObject({
  confirmedOn: ZDay,
  effectiveOn: ZDay,
  reference: z.string().trim().max(100).optional(),
});
export type TConfirmationBody = z.infer<typeof ZConfirmationBody>;

export const ZReferrals = z.object({
  caseId: z.number(),
  namesMasked: z.boolean(),
  referrals: z.array(
    z.object({
      id: z.number(),
      operatorName: z.string(),
      operatorCode: z.string().nullable(),
      regulator: z.string(),
      referredOn: z.string(),
      reason: z.string(),
      confirmedOn: z.string().nullable(),
      effectiveOn: z.string().nullable(),
      confirmationReference: z.string().nullable(),
      /** 待确认 until the regulator confirms; 已列入 from the effective day; 已确认待生效 before. */
      stateLabel: z.string(),
    }),
  ),
});
export type TReferrals = z.infer<typeof ZReferrals>;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

const maskCode = (code: string | null) =>
  code && code.length > 6 ? `${code.slice(0, 6)}${'*'.repeat(code.length - 6)}` : code;

/** The case's referrals; operators' names and codes masked outside the case's department. */
export async function loadReferrals(db: Executor, theCase: CaseRow, user: SessionUser): Promise<TReferrals> {
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, theCase.id))
    .orderBy(asc(referrals.id));
  const masked = user.department?.id !== theCase.departmentId;
  const day = today();
  return {
    caseId: theCase.id,
    namesMasked: masked,
    referrals: rows.map((r) => ({
      id: r.id,
      operatorName: masked ? maskPersonName(r.operatorName) : r.operatorName,
      operatorCode: masked ? maskCode(r.operatorCode) : r.operatorCode,
      regulator: r.regulator,
      referredOn: r.referredOn,
      reason: r.reason,
      confirmedOn: r.confirmedOn,
      effectiveOn: r.effectiveOn,
      confirmationReference: r.confirmationReference,
      stateLabel: !r.effectiveOn
        ? '待监管部门确认'
        : r.effectiveOn <= day
          ? '已列入黑名单'
          : '已确认，待生效',
    })),
  };
}

async function audit(
  tx: Executor,
  caller: Caller,
  action: string,
  theCase: CaseRow,
  detail: Record<string, unknown>,
) {
  await recordAudit(tx, {
    actor: actorOf(caller.user),
    action,
    targetType: 'case',
    targetId: theCase.id,
    ip: caller.ip,
    detail: { caseNumber: theCase.caseNumber, ...detail },
  });
}

/** Refers a food operator to the regulator for the 从业禁止 blacklist. */
export async function addReferral(
  database: Database,
  options: Caller & { id: number; input: TReferralBody },
) {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requirePilCase(await reachCase(tx, id, user, { lock: true }));
    if (input.referredOn > today())
      throw new DomainError('VALIDATION', `移送日期 ${input.referredOn} 晚于今天`);
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId: id,
        operatorName: input.operatorName,
        operatorCode: input.operatorCode || null,
        regulator: input.regulator,
        referredOn: input.referredOn,
        reason: input.reason,
        createdBy: user.id,
      })
      .returning({ id: referrals.id });
    await audit(tx, options, 'blacklistReferral.create', theCase, {
      referralId: row!.id,
      regulator: input.regulator,
    });
    return loadReferrals(tx, theCase, user);
  });
}

/** The regulator's confirmation and the day the entry took effect (not before the confirmation). */
export async function confirmReferral(
  database: Database,
  options: Caller & { referralId: number; input: TConfirmationBody },
) {
  const { referralId, input, user } = options;
  return database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
    if (!found) throw notFound('黑名单移送记录');
    let theCase: CaseRow;
    try {
      theCase = await reachCase(tx, found.caseId, user, { lock: true });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('黑名单移送记录');
      throw error;
    }
    if (input.confirmedOn > today())
      throw new DomainError('VALIDATION', `确认日期 ${input.confirmedOn} 晚于今天`);
    if (input.confirmedOn < found.referredOn) {
      throw new DomainError('VALIDATION', `确认日期 ${input.confirmedOn} 早于移送日期 ${found.referredOn}`);
    }
    if (input.effectiveOn < input.confirmedOn) {
      throw new DomainError('VALIDATION', `生效日期 ${input.effectiveOn} 早于确认日期 ${input.confirmedOn}`);
    }
    await tx
      .update(referrals)
      .set({
        confirmedOn: input.confirmedOn,
        effectiveOn: input.effectiveOn,
        confirmationReference: input.reference || null,
        updatedAt: now(),
      })
      .where(eq(referrals.id, referralId));
    await audit(tx, options, 'blacklistReferral.confirm', theCase, { referralId, ...input });
    return loadReferrals(tx, theCase, user);
  });
}
