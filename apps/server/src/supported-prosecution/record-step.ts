import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { chinaNoon } from '@procura/domain/china-time';
import {
  checkNextStep,
  supportStepKinds,
  supportStepResults,
  type TSupportStepResult,
} from '@procura/domain/supported-prosecution-steps';
import { and, eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { loadSteps, loadSupportedProsecution, requireSupportCase } from './load.ts';
import type { TStepBody, TSupportedProsecution } from './schema.ts';
import { requireSupportRecord } from './update-support.ts';

const { caseEvents, supportedProsecutionApplicants: applicants, supportedProsecutionSteps: steps } = schema;

/** The timeline entry a step writes; the stages of a 民支 case wait for some of them. */
function eventKindOf(input: TStepBody) {
  switch (input.kind) {
    case 'eligibilityReview':
      return 'reviewReport' as const;
    case 'courtFiling':
      return 'suitFiled' as const;
    case 'judgment':
      return 'judgment' as const;
    case 'mediation':
      return input.result === 'settled' ? ('resolutionAgreement' as const) : ('note' as const);
    default:
      return 'note' as const;
  }
}

/**
 * Records one step of a supported-prosecution case (审查, 法律援助, 取证, 立案, 调解, 判决, 执行):
 * refused, in Chinese, when the order does not allow it (no judgment before the filing…) or its
 * date lies before the step it follows (naming both dates) or after today.
 */
export async function recordStep(
  database: Database,
  options: { id: number; input: TStepBody; user: SessionUser; ip: string | null },
): Promise<TSupportedProsecution> {
  const { id, input, user } = options;
  const label = supportStepKinds[input.kind];
  if (input.on > today()) throw new DomainError('VALIDATION', `${label}的日期 ${input.on} 晚于今天`);
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    await requireSupportRecord(tx, id);
    const applicantIds = input.applicantIds ? [...new Set(input.applicantIds)] : null;
    if (applicantIds) {
      const found = await tx
        .select({ id: applicants.id })
        .from(applicants)
        .where(and(eq(applicants.caseId, id), inArray(applicants.id, applicantIds)));
      if (found.length !== applicantIds.length) {
        throw new DomainError('VALIDATION', '所选申请人不在本案申请人名单中');
      }
    }
    const result: TSupportStepResult | null = 'result' in input ? input.result : null;
    const recorded = (await loadSteps(tx, id)).map(({ step }) => step);
    const allowed = checkNextStep(recorded, { kind: input.kind, on: input.on, result });
    if (!allowed.ok) throw new DomainError('VALIDATION', allowed.reason);

    const [row] = await tx
      .insert(steps)
      .values({
        caseId: id,
        kind: input.kind,
        on: input.on,
        applicantIds,
        reasonKinds: input.kind === 'eligibilityReview' ? [...new Set(input.reasonKinds)] : null,
        result,
        body: 'body' in input ? input.body : null,
        reference: 'reference' in input ? (input.reference ?? null) : null,
        person: input.kind === 'eligibilityReview' ? input.person : null,
        detail: input.detail ?? null,
        recordedBy: user.id,
      })
      .returning({ id: steps.id });

    const parts = [
      'body' in input ? input.body : null,
      'reference' in input ? input.reference : null,
      result ? supportStepResults[result] : null,
      applicantIds ? `涉及申请人 ${applicantIds.length} 人` : null,
    ].filter(Boolean);
    await tx.insert(caseEvents).values({
      caseId: id,
      kind: eventKindOf(input),
      at: chinaNoon(input.on),
      actorId: user.id,
      actorName: user.displayName,
      note: `${label}${parts.length > 0 ? `：${parts.join('，')}` : ''}`,
      data: { supportStepId: row!.id, stepKind: input.kind },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.recordStep',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, stepId: row!.id, kind: input.kind, on: input.on, result },
    });
    return loadSupportedProsecution(tx, theCase, user);
  });
}
