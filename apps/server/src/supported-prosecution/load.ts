import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { supportStepKindIds } from '@procura/domain/states';
import {
  checkNextStep,
  eligibilityReasons,
  resultsOfStep,
  type StepFacts,
  supportStepKinds,
  supportStepResults,
  type TSupportStepKind,
} from '@procura/domain/supported-prosecution-steps';
import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { maskIdNumber } from '../employment-checks/get-check.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { supportClaimKinds, type TSupportedProsecution, weakPartyCategories } from './schema.ts';

const {
  cases,
  supportedProsecutions,
  supportedProsecutionApplicants: applicants,
  supportedProsecutionSteps: steps,
  users,
} = schema;

/** The case's steps in date order (then as recorded), with who recorded them. */
export async function loadSteps(db: Executor, caseId: number) {
  return db
    .select({ step: steps, recordedBy: users.displayName })
    .from(steps)
    .innerJoin(users, eq(users.id, steps.recordedBy))
    .where(eq(steps.caseId, caseId))
    .orderBy(asc(steps.on), asc(steps.id));
}

/** The kinds of step the order allows after these (whatever their date and result). */
export function nextStepKinds(recorded: readonly StepFacts[]): TSupportStepKind[] {
  return supportStepKindIds.filter(
    (kind) => checkNextStep(recorded, { kind, on: '9999-12-31', result: resultsOfStep[kind][0] ?? null }).ok,
  );
}

type CaseRow = typeof cases.$inferSelect;

/** Refuses a case of another type; the case has already passed the reach check. */
export function requireSupportCase(row: CaseRow): CaseRow {
  if (row.type !== 'supportedSuit') {
    throw new DomainError('VALIDATION', `案件 ${row.caseNumber} 不是民事支持起诉案件，不能登记申请人`);
  }
  return row;
}

/** The case as its GET reaches it: 404 when missing, out of reach or sealed from the user. */
export async function reachSupportCase(db: Executor, id: number, user: SessionUser): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return requireSupportCase(row);
}

/** The case's supported-prosecution record and applicants, ID numbers masked outside its department. */
export async function loadSupportedProsecution(
  db: Executor,
  theCase: CaseRow,
  user: SessionUser,
): Promise<TSupportedProsecution> {
  const [record] = await db
    .select()
    .from(supportedProsecutions)
    .where(eq(supportedProsecutions.caseId, theCase.id));
  const rows = await db
    .select()
    .from(applicants)
    .where(eq(applicants.caseId, theCase.id))
    .orderBy(asc(applicants.id));
  const stepRows = await loadSteps(db, theCase.id);
  const masked = user.department?.id !== theCase.departmentId;
  const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return {
    caseId: theCase.id,
    respondent: record?.respondent ?? null,
    respondentCode: record?.respondentCode ?? null,
    claimKind: record?.claimKind ?? null,
    claimKindLabel: record
      ? record.claimKind === 'other'
        ? (record.claimKindOther ?? supportClaimKinds.other)
        : supportClaimKinds[record.claimKind]
      : null,
    idNumbersMasked: masked,
    applicants: rows.map((a) => ({
      id: a.id,
      name: a.name,
      idNumber: masked ? maskIdNumber(a.idNumber) : a.idNumber,
      phone: a.phone,
      category: a.category,
      categoryLabel: weakPartyCategories[a.category],
      claimFen: a.claimFen,
      recoveredFen: a.recoveredFen,
      paidOn: a.paidOn,
      overClaimReason: a.overClaimReason,
    })),
    steps: stepRows.map(({ step, recordedBy }) => ({
      id: step.id,
      kind: step.kind,
      kindLabel: supportStepKinds[step.kind],
      on: step.on,
      applicantIds: step.applicantIds,
      reasonKinds: step.reasonKinds ?? [],
      reasonLabels: (step.reasonKinds ?? []).map((r) => eligibilityReasons[r]),
      result: step.result,
      resultLabel: step.result ? supportStepResults[step.result] : null,
      body: step.body,
      reference: step.reference,
      person: step.person,
      detail: step.detail,
      recordedBy,
    })),
    nextSteps: nextStepKinds(stepRows.map(({ step }) => step)),
    totals: {
      applicants: rows.length,
      claimFen: sum(rows.map((a) => a.claimFen)),
      recoveredFen: sum(rows.map((a) => a.recoveredFen)),
      recoveredApplicants: rows.filter((a) => (a.recoveredFen ?? 0) > 0).length,
    },
  };
}
