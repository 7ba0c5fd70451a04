import { type Database, type Executor, schema } from '@procura/db';
import {
  appealClosesOn,
  appealRefusal,
  entryKindLabels,
  frozenReason,
  mayPropose,
  recordTypeLabels,
  type TRecordType,
} from '@procura/domain/assessment/schemes';
import { can } from '@procura/domain/policy';
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import type { TAttachment } from '../attachments/schema.ts';
import { auditRead } from '../audit/audit-read.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { lockOpenPeriod } from './periods.ts';
import type { TDecisionBody, TEntry, TEntryQuery, TProposeEntryBody } from './schema.ts';
import { assessmentReach, reachesPerson, standingOf } from './scope.ts';

const { assessmentEntries: entries, assessmentAppeals: appeals, assessmentPeriods: periods } = schema;
const { assessmentPointRules: rules, assessmentIndicators: indicators, users, departments } = schema;

type Caller = { user: SessionUser; ip: string | null };

const person = alias(users, 'assessed_person');
const proposer = alias(users, 'entry_proposer');
const appealDecider = alias(users, 'appeal_decider');

function selectEntries(db: Executor) {
  return db
    .select({
      entry: entries,
      periodName: periods.name,
      periodStatus: periods.status,
      appealDays: periods.appealDays,
      userName: person.displayName,
      departmentName: departments.name,
      ruleCode: rules.code,
      ruleTitle: rules.title,
      ruleEvidence: rules.evidenceRequired,
      indicatorName: indicators.name,
      proposedByName: proposer.displayName,
      appeal: appeals,
      appealDecidedByName: appealDecider.displayName,
      // A cited case is named by its number (never its title, which may name a minor).
      caseNumber: schema.cases.caseNumber,
    })
    .from(entries)
    .innerJoin(periods, eq(periods.id, entries.periodId))
    .innerJoin(person, eq(person.id, entries.userId))
    .leftJoin(departments, eq(departments.id, entries.departmentId))
    .leftJoin(rules, eq(rules.id, entries.ruleId))
    .leftJoin(indicators, eq(indicators.id, entries.indicatorId))
    .leftJoin(proposer, eq(proposer.id, entries.proposedBy))
    .leftJoin(appeals, eq(appeals.entryId, entries.id))
    .leftJoin(appealDecider, eq(appealDecider.id, appeals.decidedBy))
    .leftJoin(schema.cases, and(eq(entries.recordType, 'case'), eq(schema.cases.id, entries.recordId)));
}

type Row = Awaited<ReturnType<typeof selectEntries>>[number];

/** Where an entry's record is shown in the web app. */
function recordLink(type: TRecordType, id: number): string | null {
  if (type === 'case') return `/cases/${id}`;
  if (type === 'clue') return `/clues/${id}`;
  return null;
}

const evidenceOf = (db: Executor, ids: number[]) => attachmentsOf(db, 'assessmentEntry', ids);

function present(row: Row, evidence: TAttachment[]): TEntry {
  const e = row.entry;
  const appeal = row.appeal;
  return {
    id: e.id,
    periodId: e.periodId,
    periodName: row.periodName,
    userId: e.userId,
    userName: row.userName,
    departmentId: e.departmentId,
    departmentName: row.departmentName,
    kind: e.kind,
    status: e.status,
    origin: e.origin,
    ruleId: e.ruleId,
    ruleLabel: row.ruleCode === null ? null : `${row.ruleCode}. ${row.ruleTitle}`,
    indicatorId: e.indicatorId,
    indicatorName: row.indicatorName,
    title: e.title,
    points: e.points,
    value: e.value,
    occurredOn: e.occurredOn,
    record:
      e.recordType === null || e.recordId === null
        ? null
        : {
            type: e.recordType,
            id: e.recordId,
            label:
              e.recordType === 'case' && row.caseNumber
                ? `案件 ${row.caseNumber}`
                : `${recordTypeLabels[e.recordType]} #${e.recordId}`,
            link: recordLink(e.recordType, e.recordId),
          },
    proposedByName: row.proposedByName,
    effectiveOn: e.effectiveOn,
    decisionNote: e.decisionNote,
    appealClosesOn: e.effectiveOn ? appealClosesOn(e.effectiveOn, row.appealDays) : null,
    appeal: appeal
      ? {
          id: appeal.id,
          reason: appeal.reason,
          filedAt: appeal.filedAt.toISOString(),
          status: appeal.status,
          decision: appeal.decision,
          decidedAt: appeal.decidedAt?.toISOString() ?? null,
          decidedByName: row.appealDecidedByName,
        }
      : null,
    evidence,
  };
}

/** The reach of a list as SQL: own entries, the head's department, or all. */
function reachCondition(user: SessionUser): SQL | undefined {
  const reach = assessmentReach(user);
  if (reach.kind === 'all') return undefined;
  if (reach.kind === 'department')
    return or(eq(entries.userId, user.id), eq(entries.departmentId, reach.departmentId));
  return eq(entries.userId, user.id);
}

/**
 * The where-clause of what waits for `user` (open periods only, never their own entry): the
 * department head's review or confirmation, personnel's approval, or a pending appeal. Shared by
 * the list and the workbench's count, so the two cannot disagree.
 */
function awaitingCondition(user: SessionUser, awaiting: TEntryQuery['awaiting']): SQL | undefined {
  if (!awaiting) return undefined;
  const notMine = sql`${entries.userId} <> ${user.id}`;
  const open = eq(periods.status, 'open');
  if (awaiting === 'review')
    return user.role === 'departmentHead' && user.department
      ? and(
          open,
          notMine,
          eq(entries.departmentId, user.department.id),
          inArray(entries.status, ['submitted', 'proposed']),
        )
      : sql`false`;
  if (!can(user.role, 'assessment.approve')) return sql`false`;
  if (awaiting === 'approval') return and(open, notMine, eq(entries.status, 'reviewed'));
  return and(open, notMine, eq(appeals.status, 'pending'));
}

function entryConditions(query: TEntryQuery, user: SessionUser): SQL | undefined {
  return and(
    reachCondition(user),
    query.mine === 'true' ? eq(entries.userId, user.id) : undefined,
    query.periodId ? eq(entries.periodId, query.periodId) : undefined,
    query.status ? eq(entries.status, query.status) : undefined,
    query.kind ? eq(entries.kind, query.kind) : undefined,
    awaitingCondition(user, query.awaiting),
  );
}

/** How many entries `listEntries` shows for this query (the workbench's count). */
export async function countEntries(db: Executor, query: TEntryQuery, user: SessionUser): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(entries)
    .innerJoin(periods, eq(periods.id, entries.periodId))
    .leftJoin(appeals, eq(appeals.entryId, entries.id))
    .where(entryConditions(query, user));
  return row?.n ?? 0;
}

/**
 * Entries in the user's reach, newest first. A list showing other people's entries is audited
 * (one entry naming the ids).
 */
export async function listEntries(database: Database, query: TEntryQuery, caller: Caller): Promise<TEntry[]> {
  const { user } = caller;
  const rows = await selectEntries(database.db)
    .where(entryConditions(query, user))
    .orderBy(desc(entries.occurredOn), desc(entries.id))
    .limit(500);
  const evidence = await evidenceOf(
    database.db,
    rows.map((r) => r.entry.id),
  );
  const others = rows.filter((r) => r.entry.userId !== user.id).map((r) => r.entry.id);
  await auditRead(database, {
    user,
    ip: caller.ip,
    action: 'assessment.entries.view',
    targetType: 'assessmentEntry',
    ids: others,
  });
  return rows.map((r) => present(r, evidence.get(r.entry.id) ?? []));
}

/**
 * The approved party-points, bonus and negative entries behind one person's 党员积分 of a period
 * (the profile's drawer): the rows `enteredValues` adds up. The caller checked the reach.
 */
export async function pointEntriesOf(
  db: Executor,
  options: { periodId: number; userId: number; from: string; to: string },
): Promise<TEntry[]> {
  const rows = await selectEntries(db)
    .where(
      and(
        eq(entries.periodId, options.periodId),
        eq(entries.userId, options.userId),
        eq(entries.status, 'approved'),
        sql`${entries.kind} <> 'indicator'`,
        sql`${entries.points} is not null`,
        sql`${entries.occurredOn} >= ${options.from}`,
        sql`${entries.occurredOn} < ${options.to}`,
      ),
    )
    .orderBy(desc(entries.occurredOn), desc(entries.id));
  return rows.map((r) => present(r, []));
}

/** One entry in reach (404 otherwise, exactly like a missing one). */
async function findEntry(db: Executor, id: number, user: SessionUser): Promise<TEntry | null> {
  const [row] = await selectEntries(db).where(eq(entries.id, id));
  if (!row || !reachesPerson(user, row.entry)) return null;
  const evidence = await evidenceOf(db, [id]);
  return present(row, evidence.get(id) ?? []);
}

export async function getEntry(database: Database, id: number, caller: Caller): Promise<TEntry> {
  const entry = await findEntry(database.db, id, caller.user);
  if (!entry) throw notFound('考核条目');
  if (entry.userId !== caller.user.id)
    await auditRead(database, {
      user: caller.user,
      ip: caller.ip,
      action: 'assessment.entry.view',
      targetType: 'assessmentEntry',
      targetId: id,
      detail: { userId: entry.userId },
    });
  return entry;
}

/** Locks an entry in reach for a change, and its period open. */
async function lockEntry(tx: Executor, id: number, user: SessionUser) {
  const [entry] = await tx.select().from(entries).where(eq(entries.id, id)).for('update');
  if (!entry || !reachesPerson(user, entry)) throw notFound('考核条目');
  const period = await lockOpenPeriod(tx, entry.periodId);
  return { entry, period };
}

/**
 * Proposes an entry for a person: under a party-points rule (points from the rule, proposer level
 * checked), an entered indicator's value, or a bonus / negative line. The person themself
 * submits (the head reviews, personnel approve); a head's or personnel's proposal is already
 * reviewed and waits for personnel's approval.
 */
export async function proposeEntry(
  database: Database,
  input: TProposeEntryBody,
  caller: Caller,
): Promise<TEntry> {
  const { user } = caller;
  const id = await database.db.transaction(async (tx) => {
    const [subject] = await tx
      .select({ id: users.id, departmentId: users.departmentId, role: users.role })
      .from(users)
      .where(eq(users.id, input.userId));
    const target = subject && { userId: subject.id, departmentId: subject.departmentId };
    if (!target || !reachesPerson(user, target)) throw notFound('人员');
    const standing = standingOf(user, target);
    if (!standing) throw notFound('人员');
    await lockOpenPeriod(tx, input.periodId);
    let points = input.points;
    let value: number | null = null;
    let ruleId: number | null = null;
    let indicatorId: number | null = null;
    if (input.kind === 'indicator') {
      if (input.indicatorId === null) throw new DomainError('VALIDATION', '请选择填报的指标');
      const [indicator] = await tx
        .select()
        .from(indicators)
        .where(and(eq(indicators.id, input.indicatorId), eq(indicators.periodId, input.periodId)));
      if (!indicator) throw notFound('指标');
      if (indicator.source !== 'entered')
        throw new DomainError('VALIDATION', `指标「${indicator.name}」由平台数据自动计算，不能填报`);
      if (input.value === null)
        throw new DomainError('VALIDATION', `请填写「${indicator.name}」的数值（${indicator.unit}）`);
      value = input.value;
      points = null;
      indicatorId = indicator.id;
    } else if (input.ruleId !== null) {
      const [rule] = await tx
        .select()
        .from(rules)
        .where(and(eq(rules.id, input.ruleId), eq(rules.periodId, input.periodId)));
      if (!rule) throw notFound('积分条款');
      if (!mayPropose(rule, standing))
        throw forbidden(
          `积分条款 ${rule.code}「${rule.title}」只能由${rule.proposer === 'personnel' ? '政治部' : '部门负责人或政治部'}提出`,
        );
      points = rule.points;
      ruleId = rule.id;
    } else if (input.kind === 'partyPoints') {
      throw new DomainError('VALIDATION', '党员积分须选择积分条款');
    }
    if (input.kind !== 'indicator') {
      if (points === null || points === 0) throw new DomainError('VALIDATION', '请填写分值');
      if (input.kind === 'bonus' && points < 0) throw new DomainError('VALIDATION', '加分列表的分值应为正数');
      if (input.kind === 'negative' && points > 0)
        throw new DomainError('VALIDATION', '负面清单的分值应为负数');
    }
    const [created] = await tx
      .insert(entries)
      .values({
        periodId: input.periodId,
        userId: target.userId,
        departmentId: target.departmentId,
        kind: input.kind,
        status: standing === 'self' ? 'submitted' : 'reviewed',
        origin: 'manual',
        ruleId,
        indicatorId,
        title: input.title,
        points,
        value,
        occurredOn: input.occurredOn,
        proposedBy: user.id,
        ...(standing === 'self' ? {} : { reviewedBy: user.id, reviewedAt: now() }),
      })
      .returning({ id: entries.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'assessment.entry.propose',
      targetType: 'assessmentEntry',
      targetId: created!.id,
      ip: caller.ip,
      detail: { userId: target.userId, kind: input.kind, ruleId, indicatorId, points, value },
    });
    return created!.id;
  });
  return (await findEntry(database.db, id, user))!;
}

/** Whether an entry needs evidence before it takes effect. */
async function needsEvidence(tx: Executor, entry: typeof entries.$inferSelect): Promise<boolean> {
  if (entry.origin !== 'manual') return false;
  if (entry.kind === 'indicator') return true;
  if (entry.ruleId === null) return entry.kind === 'bonus';
  const [rule] = await tx
    .select({ evidence: rules.evidenceRequired })
    .from(rules)
    .where(eq(rules.id, entry.ruleId));
  return Boolean(rule?.evidence);
}

async function hasEvidence(tx: Executor, entryId: number): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.attachments)
    .where(eq(schema.attachments.assessmentEntryId, entryId));
  return (row?.n ?? 0) > 0;
}

/**
 * The department head's step: a submitted entry passes to personnel or is returned; an entry the
 * records proposed is confirmed (it takes effect) or dismissed. Only the head of the entry's
 * department; never on their own entry.
 */
export async function reviewEntry(
  database: Database,
  id: number,
  input: TDecisionBody,
  caller: Caller,
): Promise<TEntry> {
  const { user } = caller;
  await database.db.transaction(async (tx) => {
    const { entry } = await lockEntry(tx, id, user);
    if (user.role !== 'departmentHead' || !user.department || entry.departmentId !== user.department.id)
      throw notFound('考核条目');
    if (entry.userId === user.id) throw forbidden('本人的考核条目不能由本人审核');
    if (entry.status !== 'submitted' && entry.status !== 'proposed')
      throw new DomainError('CONFLICT', '该条目不在待部门审核状态');
    const confirming = entry.status === 'proposed';
    if (input.approve && !confirming && (await needsEvidence(tx, entry)) && !(await hasEvidence(tx, id)))
      throw new DomainError('CONFLICT', '该条目须附证明材料，请先上传');
    const status = !input.approve ? 'rejected' : confirming ? 'approved' : 'reviewed';
    await tx
      .update(entries)
      .set({
        status,
        reviewedBy: user.id,
        reviewedAt: now(),
        decisionNote: input.note ?? null,
        ...(status === 'approved' ? { decidedBy: user.id, decidedAt: now(), effectiveOn: today() } : {}),
      })
      .where(eq(entries.id, id));
    await tellPerson(tx, entry, user, status);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: confirming ? 'assessment.entry.confirm' : 'assessment.entry.review',
      targetType: 'assessmentEntry',
      targetId: id,
      ip: caller.ip,
      detail: { approve: input.approve, status, note: input.note ?? null },
    });
  });
  return (await findEntry(database.db, id, user))!;
}

/** Personnel's approval of a reviewed entry: it takes effect (the appeal window starts) or is refused. */
export async function decideEntry(
  database: Database,
  id: number,
  input: TDecisionBody,
  caller: Caller,
): Promise<TEntry> {
  const { user } = caller;
  await database.db.transaction(async (tx) => {
    const { entry } = await lockEntry(tx, id, user);
    if (entry.status !== 'reviewed') throw new DomainError('CONFLICT', '该条目不在待政治部审批状态');
    if (entry.userId === user.id) throw forbidden('本人的考核条目不能由本人审批');
    if (input.approve && (await needsEvidence(tx, entry)) && !(await hasEvidence(tx, id)))
      throw new DomainError('CONFLICT', '该条目须附证明材料，不能在没有证明材料时批准');
    const status = input.approve ? 'approved' : 'rejected';
    await tx
      .update(entries)
      .set({
        status,
        decidedBy: user.id,
        decidedAt: now(),
        decisionNote: input.note ?? null,
        effectiveOn: input.approve ? today() : null,
      })
      .where(eq(entries.id, id));
    await tellPerson(tx, entry, user, status);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'assessment.entry.decide',
      targetType: 'assessmentEntry',
      targetId: id,
      ip: caller.ip,
      detail: { approve: input.approve, note: input.note ?? null },
    });
  });
  return (await findEntry(database.db, id, user))!;
}

async function tellPerson(
  tx: Executor,
  entry: typeof entries.$inferSelect,
  actor: SessionUser,
  status: string,
): Promise<void> {
  if (entry.userId === actor.id) return;
  const what = status === 'approved' ? '已生效' : status === 'rejected' ? '未通过' : '已通过部门审核';
  await notify(tx, {
    userId: entry.userId,
    kind: 'assessment.entry',
    text: `您的${entryKindLabels[entry.kind]}条目「${entry.title}」${what}`,
    link: '/assessment/mine',
  });
}

/** 复核: the entry's person asks once, within the scheme's days from the day it took effect. */
export async function appealEntry(
  database: Database,
  id: number,
  reason: string,
  caller: Caller,
): Promise<TEntry> {
  const { user } = caller;
  await database.db.transaction(async (tx) => {
    const [entry] = await tx.select().from(entries).where(eq(entries.id, id)).for('update');
    // Only the person themself appeals: anyone else's entry answers as missing.
    if (!entry || entry.userId !== user.id) throw notFound('考核条目');
    const [period] = await tx.select().from(periods).where(eq(periods.id, entry.periodId));
    const frozen = frozenReason(period!);
    if (frozen) throw new DomainError('CONFLICT', frozen);
    const [existing] = await tx.select({ id: appeals.id }).from(appeals).where(eq(appeals.entryId, id));
    const refusal = appealRefusal({
      effectiveOn: entry.status === 'approved' ? entry.effectiveOn : null,
      appealDays: period!.appealDays,
      today: today(),
      alreadyAppealed: Boolean(existing),
    });
    if (refusal) throw new DomainError('CONFLICT', refusal);
    const [appeal] = await tx
      .insert(appeals)
      .values({ entryId: id, reason, filedBy: user.id, filedAt: now() })
      .returning({ id: appeals.id });
    const approvers = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'personnel'), eq(users.disabled, false)));
    for (const approver of approvers)
      await notify(tx, {
        userId: approver.id,
        kind: 'assessment.appeal',
        text: `${user.displayName}对考核条目「${entry.title}」申请复核`,
        link: '/assessment/lists',
      });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'assessment.appeal.file',
      targetType: 'assessmentEntry',
      targetId: id,
      ip: caller.ip,
      detail: { appealId: appeal!.id },
    });
  });
  return (await findEntry(database.db, id, user))!;
}

/** Personnel decide a pending appeal: the entry upheld, or revoked (its points no longer count). */
export async function decideAppeal(
  database: Database,
  id: number,
  input: { revoke: boolean; decision: string },
  caller: Caller,
): Promise<TEntry> {
  const { user } = caller;
  await database.db.transaction(async (tx) => {
    const { entry } = await lockEntry(tx, id, user);
    const [appeal] = await tx.select().from(appeals).where(eq(appeals.entryId, id)).for('update');
    if (appeal?.status !== 'pending') throw new DomainError('CONFLICT', '该条目没有待决定的复核申请');
    if (entry.userId === user.id) throw forbidden('本人的复核申请不能由本人决定');
    await tx
      .update(appeals)
      .set({
        status: input.revoke ? 'revoked' : 'upheld',
        decision: input.decision,
        decidedBy: user.id,
        decidedAt: now(),
      })
      .where(eq(appeals.id, appeal.id));
    if (input.revoke) await tx.update(entries).set({ status: 'revoked' }).where(eq(entries.id, id));
    await notify(tx, {
      userId: entry.userId,
      kind: 'assessment.appeal',
      text: `您对「${entry.title}」的复核申请已有决定：${input.revoke ? '撤销该条目' : '维持'}`,
      link: '/assessment/mine',
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'assessment.appeal.decide',
      targetType: 'assessmentEntry',
      targetId: id,
      ip: caller.ip,
      detail: { appealId: appeal.id, revoke: input.revoke, decision: input.decision },
    });
  });
  return (await findEntry(database.db, id, user))!;
}
