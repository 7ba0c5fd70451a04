import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { addMonths, cooperationMechanisms, type TCooperationMechanism } from '@procura/domain/pil-mechanisms';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCases } from '../cases/present-case.ts';
import { reachCondition, reaches } from '../cases/record-reach.ts';
import { now, today } from '../clock.ts';
import { clueVisible } from '../clues/get-clue.ts';
import { loadClues } from '../clues/present-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import { reachCase } from '../hearings/load.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import type {
  TAgreement,
  TAgreementBody,
  TAgreementList,
  TAgreementMeetingBody,
  TCaseAgreement,
  TCaseAgreementBody,
  TClueAgreement,
} from './agreement-schema.ts';

const {
  cooperationAgreements: agreements,
  cooperationMeetings: meetings,
  caseCooperationAgreements: links,
  clueCooperationAgreements: clueLinks,
} = schema;
const { departments } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}
type AgreementRow = typeof agreements.$inferSelect;

const reach = { departmentId: agreements.departmentId, handlerId: agreements.createdBy };

/** An agreement as its department reaches it; out of reach answers like missing (404). */
async function reachAgreement(db: Executor, id: number, user: SessionUser): Promise<AgreementRow> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row || !reaches(user, { departmentId: row.departmentId, handlerId: row.createdBy })) {
    throw notFound('会签文件');
  }
  return row;
}

async function present(db: Executor, rows: AgreementRow[], user: SessionUser): Promise<TAgreement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map(
    (await db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [
      d.id,
      d.name,
    ]),
  );
  const meetingRows = await db
    .select()
    .from(meetings)
    .where(inArray(meetings.agreementId, ids))
    .orderBy(asc(meetings.heldOn), asc(meetings.id));
  const linkRows = await db.select().from(links).where(inArray(links.agreementId, ids));
  const clueLinkRows = await db.select().from(clueLinks).where(inArray(clueLinks.agreementId, ids));
  const files = await attachmentsOf(db, 'cooperationAgreement', ids);
  const listed = await citationsInReach(
    db,
    user,
    linkRows.map((l) => l.caseId),
    clueLinkRows.map((l) => l.clueId),
  );
  const day = today();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    departmentName: names.get(r.departmentId) ?? '',
    bodies: r.bodies,
    mechanisms: r.mechanisms,
    mechanismLabels: r.mechanisms.map((m) => cooperationMechanisms[m as TCooperationMechanism] ?? m),
    signedOn: r.signedOn,
    meetingEveryMonths: r.meetingEveryMonths,
    nextMeetingOn: r.nextMeetingOn,
    meetingOverdue: r.nextMeetingOn !== null && r.nextMeetingOn < day,
    note: r.note,
    meetings: meetingRows
      .filter((m) => m.agreementId === r.id)
      .map((m) => ({ id: m.id, heldOn: m.heldOn, minutes: m.minutes })),
    caseIds: linkRows.filter((l) => l.agreementId === r.id).map((l) => l.caseId),
    clueIds: clueLinkRows.filter((l) => l.agreementId === r.id).map((l) => l.clueId),
    ...citationsOf(
      listed,
      linkRows.filter((l) => l.agreementId === r.id).map((l) => l.caseId),
      clueLinkRows.filter((l) => l.agreementId === r.id).map((l) => l.clueId),
    ),
    attachments: files.get(r.id) ?? [],
  }));
}

type Listed = Awaited<ReturnType<typeof citationsInReach>>;

/**
 * The citing cases and clues the user may open, by number and title as their pages show them
 * (minors' names masked); sealed juvenile records and records out of reach are only counted.
 */
async function citationsInReach(db: Executor, user: SessionUser, caseIds: number[], clueIds: number[]) {
  const cases = new Map<number, { id: number; caseNumber: string; title: string }>();
  for (const c of await loadCases(db, [...new Set(caseIds)])) {
    if (!reaches(user, { departmentId: c.department.id, handlerId: c.handler?.id ?? null })) continue;
    if (await sealedFrom(db, user, c.id)) continue;
    cases.set(c.id, { id: c.id, caseNumber: c.caseNumber, title: c.title });
  }
  const clues = new Map<number, { id: number; title: string }>();
  for (const c of await loadClues(db, [...new Set(clueIds)])) {
    if (!reaches(user, { departmentId: c.department.id, handlerId: c.handler?.id ?? null })) continue;
    if (await sealedFrom(db, user, c.case?.id ?? null)) continue;
    clues.set(c.id, { id: c.id, title: c.title });
  }
  return { cases, clues };
}

function citationsOf(listed: Listed, caseIds: number[], clueIds: number[]) {
  const citingCases = caseIds.flatMap((id) => listed.cases.get(id) ?? []);
  const citingClues = clueIds.flatMap((id) => listed.clues.get(id) ?? []);
  return {
    citingCases,
    citingClues,
    unlistedCitations: caseIds.length + clueIds.length - citingCases.length - citingClues.length,
  };
}

async function audit(
  tx: Executor,
  caller: Caller,
  action: string,
  targetId: number,
  detail: Record<string, unknown>,
) {
  await recordAudit(tx, {
    actor: actorOf(caller.user),
    action,
    targetType: 'cooperationAgreement',
    targetId,
    ip: caller.ip,
    detail,
  });
}

/** The agreements the user reaches, latest signed first. */
export async function listAgreements(db: Executor, user: SessionUser): Promise<TAgreementList> {
  const rows = await db
    .select()
    .from(agreements)
    .where(reachCondition(user, reach))
    .orderBy(desc(agreements.signedOn), desc(agreements.id));
  return { items: await present(db, rows, user) };
}

export async function getAgreement(db: Executor, id: number, user: SessionUser): Promise<TAgreement> {
  return (await present(db, [await reachAgreement(db, id, user)], user))[0]!;
}

/** Registers a 会签文件 for the user's department; the first joint meeting's day when one is agreed. */
export async function createAgreement(database: Database, options: Caller & { input: TAgreementBody }) {
  const { input, user } = options;
  if (!user.department) throw new DomainError('VALIDATION', '您不属于任何部门，不能登记会签文件');
  if (input.signedOn > today()) throw new DomainError('VALIDATION', `签署日期 ${input.signedOn} 晚于今天`);
  if (input.firstMeetingOn && !input.meetingEveryMonths) {
    throw new DomainError('VALIDATION', '填写了首次联席会议日期，请同时填写联席会议周期');
  }
  if (input.meetingEveryMonths && !input.mechanisms.includes('jointMeeting')) {
    throw new DomainError('VALIDATION', '约定了联席会议周期，协作机制应包含“联席会议”');
  }
  if (input.firstMeetingOn && input.firstMeetingOn < input.signedOn) {
    throw new DomainError(
      'VALIDATION',
      `首次联席会议日期 ${input.firstMeetingOn} 早于签署日期 ${input.signedOn}`,
    );
  }
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agreements)
      .values({
        departmentId: user.department!.id,
        title: input.title,
        bodies: [...new Set(input.bodies)],
        mechanisms: [...new Set(input.mechanisms)],
        signedOn: input.signedOn,
        meetingEveryMonths: input.meetingEveryMonths ?? null,
        nextMeetingOn: input.meetingEveryMonths
          ? (input.firstMeetingOn ?? addMonths(input.signedOn, input.meetingEveryMonths))
          : null,
        note: input.note || null,
        createdBy: user.id,
      })
      .returning();
    await audit(tx, options, 'cooperationAgreement.create', row!.id, { title: input.title });
    return (await present(tx, [row!], user))[0]!;
  });
}

/** 联席会议 held: its minutes; the next one falls `meetingEveryMonths` after it. */
export async function addAgreementMeeting(
  database: Database,
  options: Caller & { id: number; input: TAgreementMeetingBody },
): Promise<TAgreement> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const row = await reachAgreement(tx, id, user);
    if (input.heldOn > today())
      throw new DomainError('VALIDATION', `会议日期 ${input.heldOn} 晚于今天，请在会后登记`);
    if (input.heldOn < row.signedOn) {
      throw new DomainError('VALIDATION', `会议日期 ${input.heldOn} 早于签署日期 ${row.signedOn}`);
    }
    const [meeting] = await tx
      .insert(meetings)
      .values({ agreementId: id, heldOn: input.heldOn, minutes: input.minutes, createdBy: user.id })
      .returning({ id: meetings.id });
    const [latest] = await tx
      .select({ heldOn: meetings.heldOn })
      .from(meetings)
      .where(eq(meetings.agreementId, id))
      .orderBy(desc(meetings.heldOn))
      .limit(1);
    const nextMeetingOn = row.meetingEveryMonths ? addMonths(latest!.heldOn, row.meetingEveryMonths) : null;
    await tx.update(agreements).set({ nextMeetingOn, updatedAt: now() }).where(eq(agreements.id, id));
    // The next meeting is a new due date: its reminders are owed afresh (once per due date).
    await tx
      .delete(schema.remindersSent)
      .where(and(eq(schema.remindersSent.kind, 'jointMeeting'), eq(schema.remindersSent.targetId, id)));
    await audit(tx, options, 'cooperationAgreement.addMeeting', id, {
      meetingId: meeting!.id,
      heldOn: input.heldOn,
      nextMeetingOn,
    });
    return getAgreement(tx, id, user);
  });
}

export async function caseAgreement(
  db: Executor,
  caseId: number,
  user: SessionUser,
): Promise<TCaseAgreement> {
  await reachCase(db, caseId, user);
  const [row] = await db
    .select({ id: agreements.id, title: agreements.title })
    .from(links)
    .innerJoin(agreements, eq(agreements.id, links.agreementId))
    .where(eq(links.caseId, caseId));
  return { caseId, agreement: row ?? null };
}

/** Cites (or, with null, no longer cites) the agreement under which the case came. */
export async function setCaseAgreement(
  database: Database,
  options: Caller & { caseId: number; input: TCaseAgreementBody },
): Promise<TCaseAgreement> {
  const { caseId, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = await reachCase(tx, caseId, user, { lock: true });
    if (input.agreementId === null) {
      await tx.delete(links).where(eq(links.caseId, caseId));
    } else {
      await reachAgreement(tx, input.agreementId, user);
      await tx
        .insert(links)
        .values({ caseId, agreementId: input.agreementId, linkedBy: user.id })
        .onConflictDoUpdate({
          target: links.caseId,
          set: { agreementId: input.agreementId, linkedBy: user.id, linkedAt: now() },
        });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'cooperationAgreement.citeOnCase',
      targetType: 'case',
      targetId: caseId,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, agreementId: input.agreementId },
    });
    return caseAgreement(tx, caseId, user);
  });
}

/** The clue as GET /api/clues/:id reaches it: 404 when missing, out of reach or sealed. */
async function reachClue(db: Executor, clueId: number, user: SessionUser) {
  const [clue] = await db.select().from(schema.clues).where(eq(schema.clues.id, clueId));
  if (!clue || !clueVisible(user, clue) || (await sealedFrom(db, user, clue.caseId))) throw notFound('线索');
  return clue;
}

export async function clueAgreement(
  db: Executor,
  clueId: number,
  user: SessionUser,
): Promise<TClueAgreement> {
  await reachClue(db, clueId, user);
  const [row] = await db
    .select({ id: agreements.id, title: agreements.title })
    .from(clueLinks)
    .innerJoin(agreements, eq(agreements.id, clueLinks.agreementId))
    .where(eq(clueLinks.clueId, clueId));
  return { clueId, agreement: row ?? null };
}

/** Cites (or, with null, no longer cites) the agreement under which the clue came (线索移送机制…). */
export async function setClueAgreement(
  database: Database,
  options: Caller & { clueId: number; input: TCaseAgreementBody },
): Promise<TClueAgreement> {
  const { clueId, input, user } = options;
  return database.db.transaction(async (tx) => {
    await reachClue(tx, clueId, user);
    if (input.agreementId === null) {
      await tx.delete(clueLinks).where(eq(clueLinks.clueId, clueId));
    } else {
      await reachAgreement(tx, input.agreementId, user);
      await tx
        .insert(clueLinks)
        .values({ clueId, agreementId: input.agreementId, linkedBy: user.id })
        .onConflictDoUpdate({
          target: clueLinks.clueId,
          set: { agreementId: input.agreementId, linkedBy: user.id, linkedAt: now() },
        });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'cooperationAgreement.citeOnClue',
      targetType: 'clue',
      targetId: clueId,
      ip: options.ip,
      detail: { agreementId: input.agreementId },
    });
    return clueAgreement(tx, clueId, user);
  });
}
