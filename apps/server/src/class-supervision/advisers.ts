import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes } from '@procura/domain/cases/case-types';
import { caseEventLabel } from '@procura/domain/cases/event-kinds';
import { formatOutcome, outcomeKinds } from '@procura/domain/cases/outcomes';
import { recordReach } from '@procura/domain/policy';
import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { loadCases } from '../cases/present-case.ts';
import { reaches } from '../cases/record-reach.ts';
import type { TCase } from '../cases/schema.ts';
import { now } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { notify } from '../notifications/notify.ts';
import { caseLabel } from '../notifications/recipients.ts';
import { suggestionKinds, suggestionStates } from '../suggestions/labels.ts';
import type { TAdviserList, TInvitedCase } from './schema.ts';

const { caseAdvisers: advisers, caseDocuments, caseEvents, caseOutcomes, cases, suggestions, users } = schema;

type Caller = { user: SessionUser; ip: string | null };

/** The case as `GET /api/cases/:id` reaches it (404 otherwise), for reading its advisers. */
async function reachCase(db: Executor, id: number, user: SessionUser) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return row;
}

/** 特邀检察官助理 of a case (readers of the case). */
export async function listAdvisers(db: Executor, caseId: number, user: SessionUser): Promise<TAdviserList> {
  await reachCase(db, caseId, user);
  return { items: await advisersOf(db, caseId) };
}

async function advisersOf(db: Executor, caseId: number): Promise<TAdviserList['items']> {
  const adder = alias(users, 'adder');
  const rows = await db
    .select({
      adviser: advisers,
      name: users.displayName,
      username: users.username,
      addedBy: adder.displayName,
    })
    .from(advisers)
    .innerJoin(users, eq(users.id, advisers.userId))
    .innerJoin(adder, eq(adder.id, advisers.addedBy))
    .where(eq(advisers.caseId, caseId))
    .orderBy(asc(advisers.addedAt));
  return rows.map((r) => ({
    userId: r.adviser.userId,
    name: r.name,
    username: r.username,
    addedBy: r.addedBy,
    addedAt: r.adviser.addedAt.toISOString(),
  }));
}

/** Active 特邀检察官助理 accounts a decider may add to a case. */
export async function listInvitedAccounts(db: Executor) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(and(eq(users.role, 'invitedAssistant'), eq(users.disabled, false)))
    .orderBy(asc(users.displayName));
  return { items: rows };
}

/**
 * The case locked for a change of its advisers: reached as its GET reaches it (404), and only a
 * decider of the case's own department (or the chief, a deputy) may add or remove an adviser.
 */
async function lockForAdvisers(tx: Executor, caseId: number, user: SessionUser) {
  const theCase = await lockCase(tx, caseId, user);
  if (recordReach(user.role) !== 'all' && user.department?.id !== theCase.departmentId) {
    throw forbidden('只有案件所在部门的检察官、部门负责人或院领导可以调整特邀检察官助理');
  }
  return theCase;
}

/** 添加特邀检察官助理: the account sees this case, read only, from now on. */
export async function addAdviser(
  database: Database,
  options: Caller & { caseId: number; adviserId: number },
): Promise<TAdviserList> {
  const { user } = options;
  await database.db.transaction(async (tx) => {
    const theCase = await lockForAdvisers(tx, options.caseId, user);
    if (caseTypes[theCase.type].line === 'juvenile') {
      throw new DomainError('VALIDATION', '未成年人检察案件不能添加特邀检察官助理');
    }
    const [account] = await tx
      .select({ id: users.id, role: users.role, disabled: users.disabled, name: users.displayName })
      .from(users)
      .where(eq(users.id, options.adviserId));
    // Any other account (another role, disabled, missing) answers alike: nobody's name leaks.
    if (account?.role !== 'invitedAssistant' || account.disabled) {
      throw notFound('特邀检察官助理账号');
    }
    const inserted = await tx
      .insert(advisers)
      .values({ caseId: theCase.id, userId: account.id, addedBy: user.id, addedAt: now() })
      .onConflictDoNothing()
      .returning({ userId: advisers.userId });
    if (inserted.length === 0) throw new DomainError('CONFLICT', `${account.name}已是本案特邀检察官助理`);
    await notify(tx, {
      userId: account.id,
      kind: 'caseAdviser.added',
      text: `${user.displayName}邀请您以特邀检察官助理身份参与${await caseLabel(tx, theCase.id)}（只读）`,
      link: `/invited/cases/${theCase.id}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'caseAdviser.add',
      targetType: 'case',
      targetId: theCase.id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, adviserId: account.id, adviser: account.name },
    });
  });
  return { items: await advisersOf(database.db, options.caseId) };
}

/** 移除特邀检察官助理: the account's reach to the case ends at once. */
export async function removeAdviser(
  database: Database,
  options: Caller & { caseId: number; adviserId: number },
): Promise<TAdviserList> {
  const { user } = options;
  await database.db.transaction(async (tx) => {
    const theCase = await lockForAdvisers(tx, options.caseId, user);
    const removed = await tx
      .delete(advisers)
      .where(and(eq(advisers.caseId, theCase.id), eq(advisers.userId, options.adviserId)))
      .returning({ userId: advisers.userId });
    if (removed.length === 0) throw notFound('本案的特邀检察官助理');
    await notify(tx, {
      userId: options.adviserId,
      kind: 'caseAdviser.removed',
      text: `您已不再参与${await caseLabel(tx, theCase.id)}，不能再查阅该案`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'caseAdviser.remove',
      targetType: 'case',
      targetId: theCase.id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, adviserId: options.adviserId },
    });
  });
  return { items: await advisersOf(database.db, options.caseId) };
}

/** The cases this 特邀检察官助理 has been added to, newest addition first. */
export async function listInvitedCases(db: Executor, user: SessionUser): Promise<{ items: TCase[] }> {
  const rows = await db
    .select({ caseId: advisers.caseId })
    .from(advisers)
    .where(eq(advisers.userId, user.id))
    .orderBy(desc(advisers.addedAt), desc(advisers.caseId));
  return {
    items: await loadCases(
      db,
      rows.map((r) => r.caseId),
    ),
  };
}

/** Whether this account is (still) an adviser of the case. */
async function isAdviser(db: Executor, caseId: number, user: SessionUser): Promise<boolean> {
  const [link] = await db
    .select({ caseId: advisers.caseId })
    .from(advisers)
    .where(and(eq(advisers.caseId, caseId), eq(advisers.userId, user.id)));
  return link !== undefined;
}

/** One case this account was added to, read only; any other id answers as missing (404). */
export async function getInvitedCase(db: Executor, caseId: number, user: SessionUser): Promise<TInvitedCase> {
  const [theCase] = (await isAdviser(db, caseId, user)) ? await loadCases(db, [caseId]) : [];
  if (!theCase) throw notFound('案件');
  const [events, outcomes, caseSuggestions, documents] = await Promise.all([
    db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, caseId)).orderBy(asc(caseOutcomes.id)),
    db.select().from(suggestions).where(eq(suggestions.caseId, caseId)).orderBy(asc(suggestions.id)),
    db
      .select({
        id: caseDocuments.id,
        name: caseDocuments.name,
        mime: caseDocuments.mime,
        size: caseDocuments.size,
        sha256: caseDocuments.sha256,
        createdAt: caseDocuments.createdAt,
      })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.id)),
  ]);
  return {
    case: theCase,
    timeline: events.map((e) => ({
      id: e.id,
      label: caseEventLabel(e.kind),
      at: e.at.toISOString(),
      actor: e.actorName,
      note: e.note,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      label: outcomeKinds[o.kind].label,
      text: formatOutcome(o.kind, o),
    })),
    suggestions: caseSuggestions.map((s) => ({
      id: s.id,
      kindLabel: suggestionKinds[s.kind],
      addressee: s.addressee,
      stateLabel: suggestionStates[s.state],
      docNumber: s.docNumber,
    })),
    documents: documents.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      url: `/api/invited/cases/${caseId}/documents/${d.id}`,
    })),
  };
}

/** A document archived on a case this account advises; anything else answers as missing (404). */
export async function getInvitedDocument(
  db: Executor,
  caseId: number,
  documentId: number,
  user: SessionUser,
) {
  const [document] = (await isAdviser(db, caseId, user))
    ? await db
        .select()
        .from(caseDocuments)
        .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)))
    : [];
  if (!document) throw notFound('文书');
  return document;
}
