import { randomBytes } from 'node:crypto';
import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { drawMethodDescription, drawOfficers } from '@procura/domain/hearing-draw';
import {
  hearingParticipantRoles,
  maskNamesIn,
  maskPersonName,
  officerConflict,
  type THearingParticipantRole,
} from '@procura/domain/hearings';
import { and, asc, desc, eq, isNotNull, max } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { type CaseRow, type HearingRow, loadHearing, partyNames, reachCase, reachHearing } from './load.ts';
import type {
  TDrawBody,
  TDrawResult,
  THearing,
  THearingBody,
  THearingPatch,
  TNoticeBody,
  TPublishedHearing,
} from './schema.ts';

const { hearings, hearingPanel, hearingNotices, hearingOfficers, cases } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

type OfficerRow = typeof hearingOfficers.$inferSelect;

async function audit(tx: Executor, caller: Caller, action: string, theCase: CaseRow, detail: object) {
  await recordAudit(tx, {
    actor: actorOf(caller.user),
    action,
    targetType: 'case',
    targetId: theCase.id,
    ip: caller.ip,
    detail: { caseNumber: theCase.caseNumber, ...detail },
  });
}

/** The officers already seated at a hearing. */
export async function seated(tx: Executor, hearingId: number): Promise<OfficerRow[]> {
  const rows = await tx
    .select({ officer: hearingOfficers })
    .from(hearingPanel)
    .innerJoin(hearingOfficers, eq(hearingOfficers.id, hearingPanel.officerId))
    .where(eq(hearingPanel.hearingId, hearingId));
  return rows.map((r) => r.officer);
}

/** Refuses, naming the relation, when a seated officer is related to one of these parties. */
export function refuseConflicts(officers: OfficerRow[], parties: string[]): void {
  for (const officer of officers) {
    const conflict = officerConflict(officer, parties);
    if (conflict) throw new DomainError('CONFLICT', conflict, { officerId: officer.id });
  }
}

export async function createHearing(
  database: Database,
  options: Caller & { caseId: number; input: THearingBody },
): Promise<THearing> {
  const { caseId, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = await reachCase(tx, caseId, user, { lock: true });
    const [row] = await tx
      .insert(hearings)
      .values({
        caseId,
        question: input.question,
        heldOn: input.heldOn,
        startsAt: input.startsAt ?? null,
        place: input.place,
        participants: input.participants ?? [],
        createdBy: user.id,
      })
      .returning({ id: hearings.id });
    await audit(tx, options, 'hearing.create', theCase, { hearingId: row!.id, heldOn: input.heldOn });
    return loadHearing(tx, row!.id, theCase, user);
  });
}

/**
 * The hearing's particulars, minutes and how the opinions were used. Moving the hearing before a
 * notice already sent is refused; so are participants related to a seated officer.
 */
export async function updateHearing(
  database: Database,
  options: Caller & { id: number; input: THearingPatch },
): Promise<THearing> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const { hearing, theCase } = await reachHearing(tx, id, user, { lock: true });
    if (input.heldOn !== undefined) {
      const [latest] = await tx
        .select({ sentOn: max(hearingNotices.sentOn) })
        .from(hearingNotices)
        .where(eq(hearingNotices.hearingId, id));
      if (latest?.sentOn && latest.sentOn > input.heldOn) {
        throw new DomainError(
          'VALIDATION',
          `已于 ${latest.sentOn} 发出听证通知，听证日期不能早于通知发出日期`,
        );
      }
    }
    if (input.participants !== undefined) {
      refuseConflicts(await seated(tx, id), await partyNames(tx, theCase.id, input.participants));
    }
    const changes = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, v === '' ? null : v]),
    ) as Partial<HearingRow>;
    await tx
      .update(hearings)
      .set({ ...changes, updatedAt: now() })
      .where(eq(hearings.id, id));
    await audit(tx, options, 'hearing.update', theCase, { hearingId: id, fields: Object.keys(input) });
    return loadHearing(tx, hearing.id, theCase, user);
  });
}

/**
 * Draws `count` officers at random from the active pool, leaving out those already seated and
 * those with a declared relation to a party (named in the answer). The seed and the candidates are
 * recorded with each officer drawn, so the draw can be repeated and checked.
 */
export async function drawHearingOfficers(
  database: Database,
  options: Caller & { id: number; input: TDrawBody },
): Promise<TDrawResult> {
  const { id, input, user } = options;
  const seed = input.seed ?? randomBytes(8).toString('hex');
  return database.db.transaction(async (tx) => {
    const { hearing, theCase } = await reachHearing(tx, id, user, { lock: true });
    const parties = await partyNames(tx, theCase.id, hearing.participants);
    const already = new Set((await seated(tx, id)).map((o) => o.id));
    const pool = await tx
      .select()
      .from(hearingOfficers)
      .where(eq(hearingOfficers.active, true))
      .orderBy(asc(hearingOfficers.id));
    const excluded: TDrawResult['excluded'] = [];
    const candidates: OfficerRow[] = [];
    for (const officer of pool) {
      if (already.has(officer.id)) continue;
      const conflict = officerConflict(officer, parties);
      if (conflict) excluded.push({ officerId: officer.id, name: officer.name, reason: conflict });
      else candidates.push(officer);
    }
    if (candidates.length < input.count) {
      throw new DomainError(
        'VALIDATION',
        `听证员库中可抽取的听证员只有 ${candidates.length} 名${excluded.length > 0 ? `（已排除与当事人有利害关系的 ${excluded.length} 名）` : ''}，不足 ${input.count} 名`,
      );
    }
    const candidateIds = candidates.map((c) => c.id);
    const drawnIds = drawOfficers(seed, candidateIds, input.count);
    await tx.insert(hearingPanel).values(
      drawnIds.map((officerId) => ({
        hearingId: id,
        officerId,
        method: 'random' as const,
        seed,
        candidateIds,
        seatedBy: user.id,
      })),
    );
    await tx.update(hearings).set({ drawSeed: seed, updatedAt: now() }).where(eq(hearings.id, id));
    const drawn = drawnIds.map((officerId) => ({
      officerId,
      name: candidates.find((c) => c.id === officerId)!.name,
    }));
    await audit(tx, options, 'hearing.drawOfficers', theCase, {
      hearingId: id,
      seed,
      candidateIds,
      drawn: drawnIds,
      excluded: excluded.map((e) => e.officerId),
    });
    return {
      seed,
      method: drawMethodDescription,
      drawn,
      candidates: candidateIds.length,
      excluded,
      hearing: await loadHearing(tx, id, theCase, user),
    };
  });
}

/** Seats one officer chosen by hand, with the reason; refused, naming the relation, on a conflict. */
export async function chooseHearingOfficer(
  database: Database,
  options: Caller & { id: number; officerId: number; reason: string },
): Promise<THearing> {
  const { id, officerId, user } = options;
  return database.db.transaction(async (tx) => {
    const { hearing, theCase } = await reachHearing(tx, id, user, { lock: true });
    const [officer] = await tx.select().from(hearingOfficers).where(eq(hearingOfficers.id, officerId));
    if (!officer) throw notFound('听证员');
    if (!officer.active) throw new DomainError('VALIDATION', `听证员${officer.name}已停用，不能指定`);
    const [already] = await tx
      .select({ id: hearingPanel.id })
      .from(hearingPanel)
      .where(and(eq(hearingPanel.hearingId, id), eq(hearingPanel.officerId, officerId)));
    if (already) throw new DomainError('CONFLICT', `听证员${officer.name}已在本次听证的听证员名单中`);
    refuseConflicts([officer], await partyNames(tx, theCase.id, hearing.participants));
    await tx.insert(hearingPanel).values({
      hearingId: id,
      officerId,
      method: 'chosen',
      reason: options.reason,
      seatedBy: user.id,
    });
    await audit(tx, options, 'hearing.chooseOfficer', theCase, {
      hearingId: id,
      officerId,
      reason: options.reason,
    });
    return loadHearing(tx, id, theCase, user);
  });
}

/** What one seated officer said. */
export async function recordOpinion(
  database: Database,
  options: Caller & { id: number; officerId: number; opinion: string },
): Promise<THearing> {
  const { id, officerId, user } = options;
  return database.db.transaction(async (tx) => {
    const { theCase } = await reachHearing(tx, id, user, { lock: true });
    const [seat] = await tx
      .update(hearingPanel)
      .set({ opinion: options.opinion })
      .where(and(eq(hearingPanel.hearingId, id), eq(hearingPanel.officerId, officerId)))
      .returning({ id: hearingPanel.id });
    if (!seat) throw notFound('本次听证的听证员');
    await audit(tx, options, 'hearing.recordOpinion', theCase, { hearingId: id, officerId });
    return loadHearing(tx, id, theCase, user);
  });
}

/** A notice sent to a participant; dated after the hearing, or in the future, it is refused. */
export async function addNotice(
  database: Database,
  options: Caller & { id: number; input: TNoticeBody },
): Promise<THearing> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const { hearing, theCase } = await reachHearing(tx, id, user, { lock: true });
    if (input.sentOn > hearing.heldOn) {
      throw new DomainError(
        'VALIDATION',
        `通知发出日期 ${input.sentOn} 晚于听证日期 ${hearing.heldOn}，听证通知应在听证前发出`,
      );
    }
    if (input.sentOn > today()) {
      throw new DomainError('VALIDATION', `通知发出日期 ${input.sentOn} 晚于今天，请在通知发出后登记`);
    }
    const [row] = await tx
      .insert(hearingNotices)
      .values({
        hearingId: id,
        recipient: input.recipient,
        means: input.means || null,
        sentOn: input.sentOn,
        createdBy: user.id,
      })
      .returning({ id: hearingNotices.id });
    await audit(tx, options, 'hearing.addNotice', theCase, {
      hearingId: id,
      noticeId: row!.id,
      sentOn: input.sentOn,
    });
    return loadHearing(tx, id, theCase, user);
  });
}

/** 公开: the hearing is listed for every caseworker with the parties' names masked. */
export async function publishHearing(
  database: Database,
  options: Caller & { id: number },
): Promise<THearing> {
  const { id, user } = options;
  return database.db.transaction(async (tx) => {
    const { hearing, theCase } = await reachHearing(tx, id, user, { lock: true });
    if (!hearing.decisionUse) {
      throw new DomainError('VALIDATION', '公开前请填写听证意见的采纳情况');
    }
    if (!hearing.publishedAt) {
      await tx.update(hearings).set({ publishedAt: now() }).where(eq(hearings.id, id));
      await audit(tx, options, 'hearing.publish', theCase, { hearingId: id });
    }
    return loadHearing(tx, id, theCase, user);
  });
}

/** Published hearings, newest first, with the parties' names masked in every field. */
export async function listPublished(database: Database): Promise<TPublishedHearing[]> {
  const rows = await database.db
    .select({ hearing: hearings, caseNumber: cases.caseNumber })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .where(isNotNull(hearings.publishedAt))
    .orderBy(desc(hearings.publishedAt))
    .limit(200);
  const result: TPublishedHearing[] = [];
  for (const { hearing, caseNumber } of rows) {
    const names = hearing.participants.filter((p) => p.role === 'party').map((p) => p.name);
    const panel = await database.db
      .select({ officer: hearingOfficers, opinion: hearingPanel.opinion })
      .from(hearingPanel)
      .innerJoin(hearingOfficers, eq(hearingOfficers.id, hearingPanel.officerId))
      .where(eq(hearingPanel.hearingId, hearing.id))
      .orderBy(asc(hearingPanel.id));
    const mask = (text: string) => maskNamesIn(text, names);
    result.push({
      id: hearing.id,
      caseNumber,
      question: mask(hearing.question),
      heldOn: hearing.heldOn,
      place: hearing.place,
      participants: hearing.participants.map((p) => ({
        name: p.role === 'party' ? maskPersonName(p.name) : p.name,
        roleLabel: hearingParticipantRoles[p.role as THearingParticipantRole] ?? p.role,
      })),
      officers: panel.map((p) => ({
        name: p.officer.name,
        occupation: p.officer.occupation,
        opinion: p.opinion ? mask(p.opinion) : null,
      })),
      decisionUse: hearing.decisionUse ? mask(hearing.decisionUse) : null,
      publishedAt: hearing.publishedAt!.toISOString(),
    });
  }
  return result;
}
