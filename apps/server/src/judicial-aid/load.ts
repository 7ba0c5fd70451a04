import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { judicialAidCategories, judicialAidDecisions, judicialAidStage } from '@procura/domain/judicial-aid';
import { maskName } from '@procura/domain/juvenile/mask';
import { can } from '@procura/domain/policy';
import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { maskIdNumber } from '../employment-checks/get-check.ts';
import { forbidden, notFound } from '../errors.ts';
import { juvenileCaseTypes } from '../juvenile/load-juvenile-case.ts';
import { mayViewFull, sealedFrom } from '../juvenile/scope.ts';
import type { TCaseJudicialAid } from './schema.ts';

const { cases, judicialAids, users } = schema;

export type CaseRow = typeof cases.$inferSelect;

export const isJuvenileCase = (row: Pick<CaseRow, 'type'>) =>
  (juvenileCaseTypes as readonly string[]).includes(row.type);

/** The case as `GET /api/cases/:id` reaches it: 404 when missing, out of reach or sealed from the user. */
export async function reachAidCase(db: Executor, id: number, user: SessionUser): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return row;
}

/**
 * Whether the applicants' names and ID numbers are masked for this user: outside the case's
 * department; on a juvenile case, as the juvenile page does (未成年人保护法 第一百零三条): masked
 * unless the full view is asked for, which only the handler, the 未检 head and the chief may.
 */
export function masksFor(user: SessionUser, theCase: CaseRow, full = false): boolean {
  if (isJuvenileCase(theCase)) {
    if (full && !mayViewFull(user, theCase))
      throw forbidden('只有承办检察官、未检部门负责人和检察长可以查看未成年人完整信息');
    return !full;
  }
  return user.department?.id !== theCase.departmentId;
}

/** The case's assistances, oldest first, personal data masked as `masksFor` says. */
export async function loadCaseAid(
  db: Executor,
  theCase: CaseRow,
  user: SessionUser,
  options: { full?: boolean } = {},
): Promise<TCaseJudicialAid> {
  const masked = masksFor(user, theCase, options.full);
  const rows = await db
    .select({ aid: judicialAids, decider: users.displayName })
    .from(judicialAids)
    .leftJoin(users, eq(users.id, judicialAids.decidedBy))
    .where(eq(judicialAids.caseId, theCase.id))
    .orderBy(asc(judicialAids.id));
  const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
  const aids = rows.map(({ aid, decider }) => ({
    id: aid.id,
    minorId: aid.minorId,
    applicantName: masked ? maskName(aid.applicantName) : aid.applicantName,
    applicantIdNumber:
      aid.applicantIdNumber === null
        ? null
        : masked
          ? maskIdNumber(aid.applicantIdNumber)
          : aid.applicantIdNumber,
    appliedOn: aid.appliedOn,
    category: aid.category,
    categoryLabel: judicialAidCategories[aid.category],
    reason: aid.reason,
    decision: aid.decision,
    decisionLabel: judicialAidDecisions[aid.decision],
    decidedOn: aid.decidedOn,
    decidedBy: decider,
    decisionNote: aid.decisionNote,
    approvedFen: aid.approvedFen,
    paidOn: aid.paidOn,
    paidFen: aid.paidFen,
    overPaidReason: aid.overPaidReason,
    stage: judicialAidStage(aid),
  }));
  return {
    caseId: theCase.id,
    masked,
    mayDecide: can(user.role, 'judicialAid.decide'),
    aids,
    totals: {
      applications: aids.length,
      granted: aids.filter((a) => a.decision === 'granted').length,
      approvedFen: sum(aids.map((a) => a.approvedFen)),
      paidFen: sum(aids.map((a) => a.paidFen)),
    },
  };
}
