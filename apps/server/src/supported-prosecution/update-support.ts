import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { loadSupportedProsecution, requireSupportCase } from './load.ts';
import type { TSupportBody, TSupportedProsecution } from './schema.ts';
import { syncOutcomes } from './sync-outcome.ts';

const { supportedProsecutions } = schema;

/** The respondent organisation and the kind of claim of a supported-prosecution case. */
export async function updateSupport(
  database: Database,
  options: { id: number; input: TSupportBody; user: SessionUser; ip: string | null },
): Promise<TSupportedProsecution> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    const values = {
      respondent: input.respondent,
      respondentCode: input.respondentCode || null,
      claimKind: input.claimKind,
      claimKindOther: input.claimKindOther ?? null,
      updatedBy: user.id,
      updatedAt: now(),
    };
    await tx
      .insert(supportedProsecutions)
      .values({ caseId: id, ...values })
      .onConflictDoUpdate({ target: supportedProsecutions.caseId, set: values });
    // The money outcome's kind follows the claim (劳动报酬 → 追回欠薪).
    await syncOutcomes(tx, id, user);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.update',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, respondent: input.respondent, claimKind: input.claimKind },
    });
    return loadSupportedProsecution(tx, theCase, user);
  });
}

/** Applicants wait for the respondent and the kind of claim: the outcome they feed depends on it. */
export async function requireSupportRecord(tx: Executor, caseId: number) {
  const [record] = await tx
    .select()
    .from(supportedProsecutions)
    .where(eq(supportedProsecutions.caseId, caseId));
  if (!record) {
    throw new DomainError('VALIDATION', '请先填写被告单位和请求类别（如追索劳动报酬），再登记申请人');
  }
  return record;
}
