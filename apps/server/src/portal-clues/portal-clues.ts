import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes } from '@procura/domain/cases/case-types';
import { isOpenClue } from '@procura/domain/cases/clue-sources';
import { formatOutcome, outcomeKinds } from '@procura/domain/cases/outcomes';
import { chinaDate } from '@procura/domain/china-time';
import {
  portalClueFields,
  portalClueSource,
  portalClueStates,
  type TPortalClueField,
  type TPortalClueState,
} from '@procura/domain/portal-clues';
import { pilFieldLabel } from '@procura/domain/public-interest-fields';
import { supportStepKinds, supportStepResults } from '@procura/domain/supported-prosecution-steps';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { storeAttachment } from '../attachments/store-attachment.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { loadClues } from '../clues/present-clue.ts';
import { registerClueIn } from '../clues/register-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import { isSealed } from '../juvenile/scope.ts';
import { activeUsers, clueLabel, notifyUsers } from '../notifications/recipients.ts';
import { organisationOf } from '../portal/portal-suggestions.ts';
import { currentClueId } from './chain.ts';
import type { TPortalClue, TPortalClueDetail, TPortalClueList, TSendPortalClueBody } from './schema.ts';

const {
  attachments,
  caseOutcomes,
  cases,
  clueTransfers,
  clues,
  departments,
  organisationAccounts,
  organisations,
  portalClueFeedback,
  portalClues,
  supportedProsecutionSteps,
  users,
} = schema;

type PortalClueRow = typeof portalClues.$inferSelect;

/**
 * The department a clue of this line of work goes to, as the clue intake routes it: the first
 * department of the line (部门排序), or the 案件管理部 (统一受理) when the line has none here.
 */
async function receivingDepartment(tx: Executor, field: TPortalClueField) {
  for (const line of [portalClueFields[field].line, 'caseManagement'] as const) {
    const [row] = await tx
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.line, line))
      .orderBy(asc(departments.sortOrder), asc(departments.id))
      .limit(1);
    if (row) return row;
  }
  throw new DomainError('VALIDATION', '本院尚未设置受理此类线索的部门，请与本院电话联系');
}

/**
 * 移送线索: an organisation's account sends a clue. It becomes a clue of the receiving department
 * like one registered inside (source: the organisation's kind of body, received at the server's
 * time, the department's assessment period), waiting for the head to assign it; the heads (or,
 * without one, the chief and deputies) are told. Audited as the clue's creation and the sending.
 */
export async function sendPortalClue(
  database: Database,
  options: { input: TSendPortalClueBody; user: SessionUser; ip: string | null },
): Promise<TPortalClueDetail> {
  const { input, user, ip } = options;
  const portalClueId = await database.db.transaction(async (tx) => {
    const organisationId = await organisationOf(tx, user);
    if (organisationId === null)
      throw new DomainError('CONFLICT', '本账号尚未绑定外部单位，请联系检察院系统管理员');
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (input.pilField && input.field !== 'publicInterest') {
      throw new DomainError('VALIDATION', '只有公益诉讼线索填写公益诉讼领域');
    }
    const department = await receivingDepartment(tx, input.field);
    const { id: clueId } = await registerClueIn(tx, {
      input: {
        source: portalClueSource(organisation!.kind),
        title: input.title,
        description: input.description,
        ...(input.pilField ? { pilField: input.pilField } : {}),
        parties: input.parties,
      },
      user,
      ip,
      departmentId: department.id,
    });
    const [sent] = await tx
      .insert(portalClues)
      .values({ clueId, organisationId, field: input.field, sentBy: user.id, sentAt: now() })
      .returning({ id: portalClues.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'portal.clue.send',
      targetType: 'clue',
      targetId: clueId,
      ip,
      detail: { portalClueId: sent!.id, organisationId, departmentId: department.id, field: input.field },
    });
    const heads = await activeUsers(tx, ['departmentHead'], department.id);
    const told = heads.length > 0 ? heads : await activeUsers(tx, ['chief', 'deputyChief'], null);
    await notifyUsers(
      tx,
      told.map((u) => u.id),
      {
        actorId: user.id,
        kind: 'portalClue',
        text: `${organisation!.name}经外部单位门户移送${await clueLabel(tx, clueId)}，请指派承办人审查`,
        link: `/clues/${clueId}`,
      },
    );
    return sent!.id;
  });
  const [row] = await database.db.select().from(portalClues).where(eq(portalClues.id, portalClueId));
  return detail(database.db, row!);
}

/** The clues the caller's organisation sent, newest first. */
export async function listPortalClues(db: Executor, user: SessionUser): Promise<TPortalClueList> {
  const organisationId = await organisationOf(db, user);
  if (organisationId === null) return { items: [] };
  const rows = await db
    .select()
    .from(portalClues)
    .where(eq(portalClues.organisationId, organisationId))
    .orderBy(desc(portalClues.sentAt), desc(portalClues.id));
  const items: TPortalClue[] = [];
  for (const row of rows) items.push((await standing(db, row)).summary);
  return { items };
}

/**
 * One clue the caller's organisation sent; 404 for another organisation's clue, exactly like a
 * missing id (an organisation never learns what others sent).
 */
async function ownPortalClue(
  db: Executor,
  id: number,
  user: SessionUser,
  lock = false,
): Promise<PortalClueRow> {
  const organisationId = await organisationOf(db, user);
  if (organisationId === null) throw notFound('移送线索');
  const query = db
    .select()
    .from(portalClues)
    .where(and(eq(portalClues.id, id), eq(portalClues.organisationId, organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('移送线索');
  return row;
}

export async function getPortalClue(db: Executor, id: number, user: SessionUser): Promise<TPortalClueDetail> {
  return detail(db, await ownPortalClue(db, id, user));
}

/**
 * 线索材料: one file (evidence) added to a clue the organisation sent, through the attachments
 * module (its kinds, parsers and size limit), while the clue waits for its decision.
 */
export async function storePortalClueMaterial(
  database: Database,
  options: { id: number; fileName: string; bytes: Buffer; user: SessionUser; ip: string | null },
) {
  const { id, user } = options;
  const { clueId } = await ownPortalClue(database.db, id, user);
  return storeAttachment(database, {
    owner: { clueId },
    fileName: options.fileName,
    bytes: options.bytes,
    user,
    ip: options.ip,
    lock: async (tx) => {
      await ownPortalClue(tx, id, user, true);
      const [clue] = await tx.select().from(clues).where(eq(clues.id, clueId)).for('update');
      if (!clue || !isOpenClue(clue.status)) {
        throw new DomainError(
          'CONFLICT',
          '线索已作出处理决定，不能再补充材料；如有新情况请重新移送或与承办部门联系',
        );
      }
      return { purpose: 'material' as const, targetType: 'clue', targetId: clueId };
    },
  });
}

/** The state of a sent clue in the organisation's words, with its decision. */
export async function standing(db: Executor, row: PortalClueRow) {
  const currentId = await currentClueId(db, row.clueId);
  const [current] = await db
    .select({ clue: clues, department: departments.name })
    .from(clues)
    .innerJoin(departments, eq(departments.id, clues.departmentId))
    .where(eq(clues.id, currentId));
  const clue = current!.clue;
  const [sentClue] = await db.select({ title: clues.title }).from(clues).where(eq(clues.id, row.clueId));
  const decidedDay = clue.decidedAt ? chinaDate(clue.decidedAt) : null;
  let state: TPortalClueState = clue.status === 'pending' ? 'received' : 'reviewing';
  let decision: TPortalClueDetail['decision'] = null;
  let concludedOn: string | null = null;
  let caseId: number | null = null;
  if (clue.status === 'declined') {
    state = 'declined';
    decision = { text: '不予立案', on: decidedDay ?? '', reason: clue.declineReason, caseType: null };
  } else if (clue.status === 'transferred') {
    // Transfers between departments were followed above: this one went to an outside body.
    const [out] = await db
      .select()
      .from(clueTransfers)
      .where(eq(clueTransfers.clueId, clue.id))
      .orderBy(desc(clueTransfers.id))
      .limit(1);
    state = 'transferredOut';
    decision = {
      text: `已移送${out?.toOutsideBody ?? '有关机关'}处理`,
      on: out ? chinaDate(out.transferredAt) : (decidedDay ?? ''),
      reason: null,
      caseType: null,
    };
  } else if (clue.status === 'opened' && clue.caseId) {
    const [theCase] = await db
      .select({ type: cases.type, openedAt: cases.openedAt, closedAt: cases.closedAt })
      .from(cases)
      .where(eq(cases.id, clue.caseId));
    // A sealed juvenile record (犯罪记录封存) is never described outside 未检: only that a case was opened.
    const sealed = await isSealed(db, clue.caseId);
    caseId = sealed ? null : clue.caseId;
    const typeName = theCase && !sealed ? caseTypes[theCase.type].name : null;
    state = theCase?.closedAt && !sealed ? 'concluded' : 'opened';
    concludedOn = theCase?.closedAt && !sealed ? chinaDate(theCase.closedAt) : null;
    decision = {
      text: typeName ? `已立案（${typeName}）` : '已立案',
      on: decidedDay ?? (theCase ? chinaDate(theCase.openedAt) : ''),
      reason: null,
      caseType: typeName,
    };
  }
  const summary: TPortalClue = {
    id: row.id,
    title: sentClue?.title ?? '',
    field: row.field,
    fieldLabel: portalClueFields[row.field].label,
    sentAt: row.sentAt.toISOString(),
    state,
    stateLabel: portalClueStates[state],
    department: current!.department,
    decidedOn: concludedOn ?? decision?.on ?? null,
  };
  return { summary, decision, concludedOn, caseId };
}

async function detail(db: Executor, row: PortalClueRow): Promise<TPortalClueDetail> {
  const { summary, decision, concludedOn, caseId } = await standing(db, row);
  // The clue as sent, through the clue presenter: a minor's name is masked there too.
  const [sent] = await loadClues(db, [row.clueId]);
  const accounts = db
    .select({ id: organisationAccounts.userId })
    .from(organisationAccounts)
    .where(eq(organisationAccounts.organisationId, row.organisationId));
  // Only the files the organisation handed in, not what the department added inside.
  const files = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      size: attachments.size,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .where(and(eq(attachments.clueId, row.clueId), inArray(attachments.uploadedBy, accounts)))
    .orderBy(attachments.id);
  const steps = caseId
    ? await db
        .select({
          kind: supportedProsecutionSteps.kind,
          on: supportedProsecutionSteps.on,
          result: supportedProsecutionSteps.result,
        })
        .from(supportedProsecutionSteps)
        .where(eq(supportedProsecutionSteps.caseId, caseId))
        .orderBy(supportedProsecutionSteps.on, supportedProsecutionSteps.id)
    : [];
  const outcomes = caseId
    ? await db
        .select({ kind: caseOutcomes.kind, amountFen: caseOutcomes.amountFen, count: caseOutcomes.count })
        .from(caseOutcomes)
        .where(eq(caseOutcomes.caseId, caseId))
        .orderBy(caseOutcomes.id)
    : [];
  const feedback = await db
    .select({ at: portalClueFeedback.writtenAt, text: portalClueFeedback.text, department: departments.name })
    .from(portalClueFeedback)
    .innerJoin(users, eq(users.id, portalClueFeedback.writtenBy))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(portalClueFeedback.portalClueId, row.id))
    .orderBy(portalClueFeedback.writtenAt, portalClueFeedback.id);
  return {
    ...summary,
    description: sent?.description ?? '',
    pilFieldLabel: pilFieldLabel(sent?.pilField),
    parties: (sent?.parties ?? []).map((p) => ({ kind: p.kind, name: p.name })),
    attachments: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
    decision,
    progress: steps.map((s) => ({
      on: s.on,
      text: `${supportStepKinds[s.kind]}${s.result ? `：${supportStepResults[s.result]}` : ''}`,
    })),
    outcomes: outcomes.map((o) => ({ label: outcomeKinds[o.kind].label, text: formatOutcome(o.kind, o) })),
    concludedOn,
    feedback: feedback.map((f) => ({
      at: f.at.toISOString(),
      department: f.department ?? '本院',
      text: f.text,
    })),
  };
}
