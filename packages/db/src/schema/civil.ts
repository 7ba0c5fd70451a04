import {
  eligibilityReasonIds,
  supportClaimKindIds,
  supportStepKindIds,
  supportStepResultIds,
  weakPartyCategoryIds,
} from '@procura/domain/states';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseOutcomes, cases, users } from './core.ts';
import { oneOf } from './one-of.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * 民事支持起诉: what a supported-prosecution case is about, one row per case: the respondent
 * organisation, the kind of claim, and the case outcomes this module keeps equal to the sum of the
 * applicants' recovered amounts (never typed by hand).
 */
export const supportedProsecutions = pgTable(
  'supported_prosecutions',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    respondent: text('respondent'),
    /** 统一社会信用代码 of the respondent, when known. */
    respondentCode: text('respondent_code'),
    claimKind: text('claim_kind', { enum: supportClaimKindIds }).notNull(),
    /** The claim's name when claimKind is 'other'. */
    claimKindOther: text('claim_kind_other'),
    /** The money outcome (追回欠薪 / 赔偿到位) computed from the applicants. */
    amountOutcomeId: integer('amount_outcome_id').references(() => caseOutcomes.id),
    /** 帮助群众: applicants who recovered anything. */
    peopleOutcomeId: integer('people_outcome_id').references(() => caseOutcomes.id),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('supported_prosecutions', t.claimKind, supportClaimKindIds),
    check(
      'supported_prosecutions_other_named',
      sql`(${t.claimKind} = 'other') = (${t.claimKindOther} IS NOT NULL)`,
    ),
  ],
);

/** The people a supported-prosecution case helps (申请人): one row per person and case. */
export const supportedProsecutionApplicants = pgTable(
  'supported_prosecution_applicants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    phone: text('phone'),
    category: text('category', { enum: weakPartyCategoryIds }).notNull(),
    claimFen: bigint('claim_fen', { mode: 'number' }).notNull(),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }),
    paidOn: date('paid_on', { mode: 'string' }),
    /** Why more than the claim was recovered (the user confirmed it). */
    overClaimReason: text('over_claim_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supported_prosecution_applicants_case_id_number_idx').on(t.caseId, t.idNumber),
    index('supported_prosecution_applicants_case_idx').on(t.caseId),
    oneOf('supported_prosecution_applicants', t.category, weakPartyCategoryIds),
    check('supported_prosecution_applicants_claim_positive', sql`${t.claimFen} >= 0`),
    check(
      'supported_prosecution_applicants_recovered_within_claim',
      sql`${t.recoveredFen} IS NULL OR ${t.recoveredFen} <= ${t.claimFen} OR ${t.overClaimReason} IS NOT NULL`,
    ),
  ],
);

/**
 * The work of a supported-prosecution case, one row per step (supported-prosecution-steps.ts in
 * the domain has the kinds and their order): 支持起诉条件审查, 转介法律援助, 协助收集证据, 起诉立案,
 * 调解（和解）, 判决, 申请执行. Columns a kind does not use stay null.
 */
export const supportedProsecutionSteps = pgTable(
  'supported_prosecution_steps',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: supportStepKindIds }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The applicants the step concerns; null: all of the case's. */
    applicantIds: integer('applicant_ids').array(),
    /** Eligibility review: why the party cannot sue alone. */
    reasonKinds: text('reason_kinds', { enum: eligibilityReasonIds }).array(),
    result: text('result', { enum: supportStepResultIds }),
    /** The legal-aid body referred to, or the court the suit was filed with. */
    body: text('body'),
    /** The court's 案号. */
    reference: text('reference'),
    /** Who reviewed (eligibility review). */
    person: text('person'),
    /** Free text: the review's reasoning, what evidence was gathered, the mediation's terms… */
    detail: text('detail'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('supported_prosecution_steps_case_idx').on(t.caseId, t.on),
    oneOf('supported_prosecution_steps', t.kind, supportStepKindIds),
    check(
      'supported_prosecution_steps_result_check',
      sql`${t.result} IS NULL OR ${t.result} in (${sql.raw(supportStepResultIds.map((v) => `'${v}'`).join(', '))})`,
    ),
    check(
      'supported_prosecution_steps_reason_kinds_check',
      sql`${t.reasonKinds} IS NULL OR ${t.reasonKinds} <@ ARRAY[${sql.raw(eligibilityReasonIds.map((v) => `'${v}'`).join(', '))}]::text[]`,
    ),
  ],
);
