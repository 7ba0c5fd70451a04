import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import {
  classCaseSuggestionKind,
  classSiteKinds,
  siteRectifications,
} from '@procura/domain/class-supervision';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCases } from '../cases/present-case.ts';
import { reachCondition, reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { loadClues } from '../clues/present-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { draftSuggestionIn } from '../suggestions/draft-suggestion.ts';
import { suggestionKinds, suggestionStates } from '../suggestions/labels.ts';
import type {
  TCreateGroupBody,
  TGroup,
  TGroupSuggestionBody,
  TGroupSummary,
  TMemberBody,
  TRectificationBody,
} from './schema.ts';

const { classCaseGroups: groups, classCaseMembers: members, departments, suggestions, users } = schema;

type GroupRow = typeof groups.$inferSelect;
type Caller = { user: SessionUser; ip: string | null };

/** A group reaches like a case of its department whose handler is its creator. */
const groupReach = (user: SessionUser) =>
  reachCondition(user, { departmentId: groups.departmentId, handlerId: groups.createdBy });

/** The group as its GET reaches it: 404 when missing or out of reach; locked when asked. */
async function reachGroup(db: Executor, id: number, user: SessionUser, lock = false): Promise<GroupRow> {
  const query = db.select().from(groups).where(eq(groups.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !reaches(user, { departmentId: row.departmentId, handlerId: row.createdBy })) {
    throw notFound('类案');
  }
  return row;
}

/** Each member case or clue must be within the user's reach, as its own GET answers: else 404. */
async function checkMembers(
  db: Executor,
  input: { members: TMemberBody[] },
  user: SessionUser,
): Promise<void> {
  const caseIds = input.members.flatMap((m) => (m.caseId ? [m.caseId] : []));
  const clueIds = input.members.flatMap((m) => (m.clueId ? [m.clueId] : []));
  if (new Set(caseIds).size !== caseIds.length || new Set(clueIds).size !== clueIds.length) {
    throw new DomainError('VALIDATION', '同一案件或线索在类案中只能出现一次');
  }
  if (caseIds.length > 0) {
    const rows = await db
      .select({
        id: schema.cases.id,
        departmentId: schema.cases.departmentId,
        handlerId: schema.cases.handlerId,
      })
      .from(schema.cases)
      .where(inArray(schema.cases.id, caseIds));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of caseIds) {
      const row = byId.get(id);
      if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
    }
  }
  if (clueIds.length > 0) {
    const rows = await db
      .select({
        id: schema.clues.id,
        departmentId: schema.clues.departmentId,
        handlerId: schema.clues.handlerId,
      })
      .from(schema.clues)
      .where(inArray(schema.clues.id, clueIds));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of clueIds) {
      const row = byId.get(id);
      if (!row || !reaches(user, row)) throw notFound('线索');
    }
  }
}

/** 建立类案: a title, the shared problem and its cases or clues with their sites, in one transaction. */
export async function createGroup(
  database: Database,
  options: Caller & { input: TCreateGroupBody },
): Promise<TGroup> {
  const { input, user } = options;
  if (!user.department) throw new DomainError('VALIDATION', '没有所属部门的账号不能建立类案');
  const departmentId = user.department.id;
  const id = await database.db.transaction(async (tx) => {
    await checkMembers(tx, input, user);
    const [created] = await tx
      .insert(groups)
      .values({
        departmentId,
        title: input.title,
        problem: input.problem,
        createdBy: user.id,
        createdAt: now(),
        updatedAt: now(),
      })
      .returning({ id: groups.id });
    const groupId = created!.id;
    await tx.insert(members).values(
      input.members.map((m) => ({
        groupId,
        caseId: m.caseId ?? null,
        clueId: m.clueId ?? null,
        siteName: m.siteName,
        siteKind: m.siteKind,
      })),
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'classCase.create',
      targetType: 'classCaseGroup',
      targetId: groupId,
      ip: options.ip,
      detail: {
        title: input.title,
        caseIds: input.members.flatMap((m) => (m.caseId ? [m.caseId] : [])),
        clueIds: input.members.flatMap((m) => (m.clueId ? [m.clueId] : [])),
      },
    });
    return groupId;
  });
  return getGroup(database.db, id, user);
}

/**
 * 添加场所: one more case or clue (in the user's reach, 404 otherwise) with its site. A record
 * already in the group is refused; a suggestion already drafted keeps its text (edit it while it
 * is a draft).
 */
export async function addGroupMember(
  database: Database,
  options: Caller & { id: number; input: TMemberBody },
): Promise<TGroup> {
  const { input, user } = options;
  await database.db.transaction(async (tx) => {
    const group = await reachGroup(tx, options.id, user, true);
    await checkMembers(tx, { members: [input] }, user);
    const [existing] = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          eq(members.groupId, group.id),
          input.caseId ? eq(members.caseId, input.caseId) : eq(members.clueId, input.clueId!),
        ),
      );
    if (existing) throw new DomainError('CONFLICT', '该案件或线索已在本类案中');
    const [created] = await tx
      .insert(members)
      .values({
        groupId: group.id,
        caseId: input.caseId ?? null,
        clueId: input.clueId ?? null,
        siteName: input.siteName,
        siteKind: input.siteKind,
        updatedAt: now(),
      })
      .returning({ id: members.id });
    await tx.update(groups).set({ updatedAt: now() }).where(eq(groups.id, group.id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'classCase.addMember',
      targetType: 'classCaseGroup',
      targetId: group.id,
      ip: options.ip,
      detail: {
        memberId: created!.id,
        caseId: input.caseId ?? null,
        clueId: input.clueId ?? null,
        siteName: input.siteName,
      },
    });
  });
  return getGroup(database.db, options.id, user);
}

/** The facts of the group's suggestion: the problem, then every site with its case or clue. */
function citeMembers(group: TGroup): string {
  const lines = group.members.map((m, i) => {
    const record = m.case ? `${m.case.caseNumber}（${m.case.title}）` : `线索“${m.clue?.title ?? ''}”`;
    return `${i + 1}. ${m.siteName}（${m.siteKindLabel}）：${record}`;
  });
  return `${group.problem}\n本院在办理以下${group.members.length}件案件（线索）中发现上述同类问题：\n${lines.join('\n')}`;
}

/**
 * 制发社会治理类检察建议: one suggestion for the whole group, drafted on its first case (a
 * suggestion always belongs to a case) with facts citing every site, and linked to the group, in
 * one transaction. From there it goes through approval, issue, delivery and reply as any other.
 */
export async function draftGroupSuggestion(
  database: Database,
  options: Caller & { id: number; input: TGroupSuggestionBody },
): Promise<TGroup> {
  const { user } = options;
  await database.db.transaction(async (tx) => {
    const group = await reachGroup(tx, options.id, user, true);
    if (group.suggestionId !== null) {
      throw new DomainError('CONFLICT', '该类案已制发社会治理类检察建议，不能重复起草');
    }
    const present = await getGroup(tx, group.id, user);
    const lead = present.members.find((m) => m.case !== null)?.case;
    if (!lead) {
      throw new DomainError(
        'VALIDATION',
        '类案中至少要有一件已立案的案件，检察建议须依附案件制发（线索请先立案）',
      );
    }
    const suggestionId = await draftSuggestionIn(tx, {
      input: {
        caseId: lead.id,
        kind: classCaseSuggestionKind,
        addressee: options.input.addressee,
        facts: citeMembers(present),
        legalBasis: options.input.legalBasis,
        requests: options.input.requests,
      },
      user,
      ip: options.ip,
    });
    await tx
      .update(groups)
      .set({ suggestionId, updatedAt: now() })
      .where(and(eq(groups.id, group.id), isNull(groups.suggestionId)));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'classCase.suggestion',
      targetType: 'classCaseGroup',
      targetId: group.id,
      ip: options.ip,
      detail: { suggestionId, caseId: lead.id, memberIds: present.members.map((m) => m.id) },
    });
  });
  return getGroup(database.db, options.id, user);
}

/** 记录某场所整改情况: 未整改 / 整改中 / 已整改 with its date (not in the future) and a note. */
export async function recordSiteRectification(
  database: Database,
  options: Caller & { id: number; memberId: number; input: TRectificationBody },
): Promise<TGroup> {
  const { input, user } = options;
  const today = chinaDate(now());
  if (input.on && input.on > today) {
    throw new DomainError('VALIDATION', `整改日期 ${input.on} 晚于今天（${today}），不能登记将来的日期`);
  }
  await database.db.transaction(async (tx) => {
    const group = await reachGroup(tx, options.id, user, true);
    const [member] = await tx
      .select()
      .from(members)
      .where(and(eq(members.id, options.memberId), eq(members.groupId, group.id)));
    if (!member) throw notFound('场所');
    await tx
      .update(members)
      .set({
        rectification: input.status,
        rectifiedOn: input.on ?? null,
        rectificationNote: input.note ?? null,
        updatedBy: user.id,
        updatedAt: now(),
      })
      .where(eq(members.id, member.id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'classCase.rectification',
      targetType: 'classCaseGroup',
      targetId: group.id,
      ip: options.ip,
      detail: {
        memberId: member.id,
        siteName: member.siteName,
        from: member.rectification,
        to: input.status,
        on: input.on ?? null,
      },
    });
  });
  return getGroup(database.db, options.id, user);
}

async function summaries(
  db: Executor,
  where: SQL | undefined,
): Promise<(TGroupSummary & { row: GroupRow })[]> {
  const rows = await db
    .select({
      group: groups,
      department: { id: departments.id, name: departments.name },
      creator: users.displayName,
    })
    .from(groups)
    .innerJoin(departments, eq(departments.id, groups.departmentId))
    .innerJoin(users, eq(users.id, groups.createdBy))
    .where(where)
    .orderBy(desc(groups.createdAt), desc(groups.id));
  const ids = rows.map((r) => r.group.id);
  const memberRows = ids.length
    ? await db
        .select({ groupId: members.groupId, rectification: members.rectification })
        .from(members)
        .where(inArray(members.groupId, ids))
    : [];
  const suggestionIds = rows.flatMap((r) => (r.group.suggestionId ? [r.group.suggestionId] : []));
  const suggestionRows = suggestionIds.length
    ? await db.select().from(suggestions).where(inArray(suggestions.id, suggestionIds))
    : [];
  const suggestionById = new Map(suggestionRows.map((s) => [s.id, s]));
  return rows.map(({ group, department, creator }) => {
    const own = memberRows.filter((m) => m.groupId === group.id);
    const s = group.suggestionId ? suggestionById.get(group.suggestionId) : undefined;
    return {
      row: group,
      id: group.id,
      title: group.title,
      problem: group.problem,
      department,
      createdBy: creator,
      createdAt: group.createdAt.toISOString(),
      sites: own.length,
      rectifiedSites: own.filter((m) => m.rectification === 'done').length,
      suggestion: s
        ? {
            id: s.id,
            kindLabel: suggestionKinds[s.kind],
            addressee: s.addressee,
            state: s.state,
            stateLabel: suggestionStates[s.state],
            docNumber: s.docNumber,
            caseId: s.caseId,
          }
        : null,
    };
  });
}

/** 类案列表: the groups the user reaches, newest first. */
export async function listGroups(db: Executor, user: SessionUser): Promise<{ items: TGroupSummary[] }> {
  const items = await summaries(db, groupReach(user));
  return { items: items.map(({ row: _row, ...item }) => item) };
}

/** One group with each site, its case or clue (titles masked as their lists mask them) and rectification. */
export async function getGroup(db: Executor, id: number, user: SessionUser): Promise<TGroup> {
  const [found] = await summaries(db, and(eq(groups.id, id), groupReach(user)));
  if (!found) throw notFound('类案');
  const { row: _row, ...summary } = found;
  const rows = await db.select().from(members).where(eq(members.groupId, id)).orderBy(asc(members.id));
  const [caseList, clueList] = await Promise.all([
    loadCases(
      db,
      rows.flatMap((m) => (m.caseId ? [m.caseId] : [])),
    ),
    loadClues(
      db,
      rows.flatMap((m) => (m.clueId ? [m.clueId] : [])),
    ),
  ]);
  const caseById = new Map(caseList.map((c) => [c.id, c]));
  const clueById = new Map(clueList.map((c) => [c.id, c]));
  return {
    ...summary,
    members: rows.map((m) => {
      const theCase = m.caseId ? caseById.get(m.caseId) : undefined;
      const clue = m.clueId ? clueById.get(m.clueId) : undefined;
      return {
        id: m.id,
        case: theCase ? { id: theCase.id, caseNumber: theCase.caseNumber, title: theCase.title } : null,
        clue: clue ? { id: clue.id, title: clue.title } : null,
        siteName: m.siteName,
        siteKind: m.siteKind,
        siteKindLabel: classSiteKinds[m.siteKind],
        rectification: m.rectification,
        rectificationLabel: siteRectifications[m.rectification],
        rectifiedOn: m.rectifiedOn,
        rectificationNote: m.rectificationNote,
      };
    }),
  };
}
