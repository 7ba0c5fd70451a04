import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  disputeEntryStages,
  disputeMeans,
  disputeOutcomes,
  hearingDrawMethods,
  hearingParticipantRoles,
  isResolved,
  maskNamesIn,
  maskPersonName,
  type TDisputeMeans,
  type THearingParticipantRole,
} from '@procura/domain/hearings';
import { asc, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import type { TDispute, THearing } from './schema.ts';

const {
  cases,
  hearings,
  hearingPanel,
  hearingNotices,
  hearingOfficers,
  adminDisputes,
  adminDisputeMeetings,
} = schema;

export type CaseRow = typeof cases.$inferSelect;
export type HearingRow = typeof hearings.$inferSelect;

/** The case as its GET reaches it: 404 when missing, out of reach or sealed from the user. */
export async function reachCase(
  db: Executor,
  id: number,
  user: SessionUser,
  options: { lock?: boolean } = {},
): Promise<CaseRow> {
  const query = db.select().from(cases).where(eq(cases.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return row;
}

/** A hearing and its case, reached like the case: 404 for a hearing of a case out of reach. */
export async function reachHearing(
  db: Executor,
  hearingId: number,
  user: SessionUser,
  options: { lock?: boolean } = {},
): Promise<{ hearing: HearingRow; theCase: CaseRow }> {
  const [hearing] = await db.select().from(hearings).where(eq(hearings.id, hearingId));
  if (!hearing) throw notFound('听证');
  try {
    const theCase = await reachCase(db, hearing.caseId, user, options);
    if (options.lock) {
      const [locked] = await db.select().from(hearings).where(eq(hearings.id, hearingId)).for('update');
      return { hearing: locked!, theCase };
    }
    return { hearing, theCase };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('听证');
    throw error;
  }
}

/** Refuses a case of another type than 行化立; the case has already passed the reach check. */
export function requireDisputeCase(row: CaseRow): CaseRow {
  if (row.type !== 'adminDisputeResolution') {
    throw new DomainError('VALIDATION', `案件 ${row.caseNumber} 不是行政争议实质性化解案件`);
  }
  return row;
}

/** Whether names of parties are masked for this user: outside the case's department. */
export const masksNames = (user: SessionUser, theCase: CaseRow) =>
  user.department?.id !== theCase.departmentId;

type Person = { name: string; role: string };
const presentPeople = (people: Person[], masked: boolean) =>
  people.map((p) => {
    const role = p.role as THearingParticipantRole;
    return {
      name: masked && role === 'party' ? maskPersonName(p.name) : p.name,
      role,
      roleLabel: hearingParticipantRoles[role] ?? p.role,
    };
  });

/** The hearings given, with their panel and notices, for one case. */
export async function presentHearings(
  db: Executor,
  theCase: CaseRow,
  rows: HearingRow[],
  user: SessionUser,
): Promise<THearing[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const panel = await db
    .select({ seat: hearingPanel, officer: hearingOfficers })
    .from(hearingPanel)
    .innerJoin(hearingOfficers, eq(hearingOfficers.id, hearingPanel.officerId))
    .where(inArray(hearingPanel.hearingId, ids))
    .orderBy(asc(hearingPanel.id));
  const notices = await db
    .select()
    .from(hearingNotices)
    .where(inArray(hearingNotices.hearingId, ids))
    .orderBy(asc(hearingNotices.sentOn), asc(hearingNotices.id));
  const masked = masksNames(user, theCase);
  return rows.map((h) => {
    // Outside the case's department the parties' names are masked in the text fields too.
    const parties = h.participants.filter((p) => p.role === 'party').map((p) => p.name);
    const text = (value: string) => (masked ? maskNamesIn(value, parties) : value);
    const maybe = (value: string | null) => (value === null ? null : text(value));
    return {
      id: h.id,
      caseId: h.caseId,
      caseNumber: theCase.caseNumber,
      question: text(h.question),
      heldOn: h.heldOn,
      startsAt: h.startsAt,
      place: h.place,
      participants: presentPeople(h.participants, masked),
      namesMasked: masked,
      panel: panel
        .filter((p) => p.seat.hearingId === h.id)
        .map(({ seat, officer }) => ({
          officerId: officer.id,
          name: officer.name,
          occupation: officer.occupation,
          organisation: officer.organisation,
          method: seat.method,
          methodLabel: hearingDrawMethods[seat.method],
          seed: seat.seed,
          candidateIds: seat.candidateIds,
          reason: seat.reason,
          opinion: maybe(seat.opinion),
        })),
      notices: notices
        .filter((n) => n.hearingId === h.id)
        .map((n) => ({ id: n.id, recipient: text(n.recipient), means: n.means, sentOn: n.sentOn })),
      minutes: maybe(h.minutes),
      decisionUse: maybe(h.decisionUse),
      documentId: h.documentId,
      publishedAt: h.publishedAt?.toISOString() ?? null,
    };
  });
}

export async function loadHearing(db: Executor, hearingId: number, theCase: CaseRow, user: SessionUser) {
  const rows = await db.select().from(hearings).where(eq(hearings.id, hearingId));
  const [hearing] = await presentHearings(db, theCase, rows, user);
  return hearing!;
}

export async function loadCaseHearings(db: Executor, theCase: CaseRow, user: SessionUser) {
  const rows = await db
    .select()
    .from(hearings)
    .where(eq(hearings.caseId, theCase.id))
    .orderBy(asc(hearings.heldOn), asc(hearings.id));
  return presentHearings(db, theCase, rows, user);
}

/**
 * The names an officer may not be related to: the hearing's parties and administrative organs,
 * and for a 行化立 case the dispute's parties and organ.
 */
export async function partyNames(db: Executor, caseId: number, participants: Person[]): Promise<string[]> {
  const names = participants.filter((p) => p.role === 'party' || p.role === 'organ').map((p) => p.name);
  const [dispute] = await db.select().from(adminDisputes).where(eq(adminDisputes.caseId, caseId));
  if (dispute) {
    names.push(
      ...dispute.parties.filter((p) => p.role === 'party' || p.role === 'organ').map((p) => p.name),
      dispute.administrativeOrgan,
    );
  }
  return names;
}

/** The dispute record of a 行化立 case, its meetings and hearings. */
export async function loadDispute(db: Executor, theCase: CaseRow, user: SessionUser): Promise<TDispute> {
  const [record] = await db.select().from(adminDisputes).where(eq(adminDisputes.caseId, theCase.id));
  const meetings = await db
    .select()
    .from(adminDisputeMeetings)
    .where(eq(adminDisputeMeetings.caseId, theCase.id))
    .orderBy(asc(adminDisputeMeetings.heldOn), asc(adminDisputeMeetings.id));
  const caseHearings = await db
    .select({ id: hearings.id, question: hearings.question, heldOn: hearings.heldOn })
    .from(hearings)
    .where(eq(hearings.caseId, theCase.id))
    .orderBy(asc(hearings.heldOn), asc(hearings.id));
  const masked = masksNames(user, theCase);
  const parties = (record?.parties ?? []).filter((p) => p.role === 'party').map((p) => p.name);
  const text = (value: string | null) => (value !== null && masked ? maskNamesIn(value, parties) : value);
  const phase = (theCase.phase ?? null) as keyof typeof disputeEntryStages | null;
  const entryStage = record?.entryStage ?? phase;
  return {
    caseId: theCase.id,
    recorded: record !== undefined,
    entryStage,
    entryStageLabel: entryStage ? disputeEntryStages[entryStage] : null,
    referredBy: text(record?.referredBy ?? null),
    referredOn: record?.referredOn ?? null,
    parties: presentPeople(record?.parties ?? [], masked),
    namesMasked: masked,
    administrativeOrgan: record?.administrativeOrgan ?? null,
    administrativeAct: text(record?.administrativeAct ?? null),
    disputeFocus: text(record?.disputeFocus ?? null),
    means: (record?.means ?? []).map((id) => ({
      id: id as TDisputeMeans,
      label: disputeMeans[id as TDisputeMeans] ?? id,
    })),
    hearings: caseHearings.map((h) => ({ ...h, question: text(h.question)! })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      bodies: m.bodies,
      minutes: text(m.minutes)!,
    })),
    outcome: record?.outcome ?? null,
    outcomeLabel: record?.outcome ? disputeOutcomes[record.outcome] : null,
    outcomeOn: record?.outcomeOn ?? null,
    outcomeNote: text(record?.outcomeNote ?? null),
    resolved: isResolved(record?.outcome ?? null),
  };
}
