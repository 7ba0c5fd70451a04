import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import type { LimitId, Period } from '@procura/domain/deadlines/index';
import { deadlineStatusDetail } from '@procura/domain/deadlines/status';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import { storeAttachment } from '../attachments/store-attachment.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCalendar, yearsFrom } from '../calendar/load-calendar.ts';
import { now, today } from '../clock.ts';
import { startDeadline } from '../deadlines/start-deadline.ts';
import { notFound } from '../errors.ts';
import { notifyUsers } from '../notifications/recipients.ts';
import {
  followUps,
  rectificationResults,
  suggestionStates,
  type TSuggestionState,
} from '../suggestions/labels.ts';
import { appendCaseEvent, expectState } from '../suggestions/lock-suggestion.ts';
import { replyLimits } from '../suggestions/present-suggestion.ts';
import { portalExtensions } from './extensions.ts';
import { maskForPortal } from './mask-portal.ts';
import type { TPortalReplyBody, TPortalSuggestion, TPortalSuggestionDetail } from './schema.ts';

const { suggestions, suggestionRecipients, organisationAccounts, organisations, deadlines } = schema;

/** What an organisation sees: only suggestions signed and issued (drafts stay internal). */
const visibleStates: TSuggestionState[] = ['issued', 'delivered', 'replied', 'closed'];

/** The organisation the account acts for; null when the admin has bound it to none. */
export async function organisationOf(db: Executor, user: SessionUser): Promise<number | null> {
  if (user.role !== 'organisation') return null;
  const [row] = await db
    .select({ id: organisationAccounts.organisationId })
    .from(organisationAccounts)
    .where(eq(organisationAccounts.userId, user.id));
  return row?.id ?? null;
}

async function replyDeadlines(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, TPortalSuggestion['deadline']>();
  const rows = await db
    .select()
    .from(deadlines)
    .where(and(inArray(deadlines.suggestionId, ids), inArray(deadlines.limitId, replyLimits)));
  return new Map(
    rows.map((d) => [
      d.suggestionId!,
      {
        startOn: d.startOn,
        dueOn: d.dueOn,
        explanation: d.explanation,
        steps: d.steps,
        completedOn: d.completedOn,
      },
    ]),
  );
}

/** 临近期限: five working days or fewer left (today counted when a working day), by the engine. */
export const portalSoonWorkingDays = 5;

const warningLabels = { dueSoon: '临近期限', overdue: '已逾期' } as const;

/** 临近期限 / 已逾期 of an open reply deadline today, from the deadline engine and the holiday calendar. */
async function warningsOf(db: Executor, due: Map<number, TPortalSuggestion['deadline']>) {
  const day = today();
  const calendar = await loadCalendar(db, yearsFrom(day));
  const out = new Map<number, Pick<TPortalSuggestion, 'warning' | 'warningLabel'>>();
  for (const [id, deadline] of due) {
    if (!deadline?.dueOn || deadline.completedOn) continue;
    const { status } = deadlineStatusDetail(deadline.dueOn, day, calendar, {
      soonWorkingDays: portalSoonWorkingDays,
    });
    if (status === 'dueSoon' || status === 'overdue')
      out.set(id, { warning: status, warningLabel: warningLabels[status] });
  }
  return out;
}

function summary(
  s: typeof suggestions.$inferSelect,
  readAt: Date | null,
  deadline: TPortalSuggestion['deadline'] | undefined,
  warning: Pick<TPortalSuggestion, 'warning' | 'warningLabel'> | undefined,
): TPortalSuggestion {
  return {
    id: s.id,
    docNumber: s.docNumber,
    addressee: s.addressee,
    state: s.state,
    stateLabel: suggestionStates[s.state] ?? s.state,
    issuedAt: s.issuedAt?.toISOString() ?? null,
    readAt: readAt?.toISOString() ?? null,
    deliveredOn: s.deliveredOn,
    replyOn: s.replyOn,
    deadline: deadline ?? null,
    warning: warning?.warning ?? null,
    warningLabel: warning?.warningLabel ?? null,
  };
}

/** The suggestions addressed to the caller's organisation, newest first. */
export async function listPortalSuggestions(db: Executor, user: SessionUser) {
  const organisationId = await organisationOf(db, user);
  if (organisationId === null) return { items: [] };
  const rows = await db
    .select({ suggestion: suggestions, readAt: suggestionRecipients.readAt })
    .from(suggestionRecipients)
    .innerJoin(suggestions, eq(suggestions.id, suggestionRecipients.suggestionId))
    .where(
      and(eq(suggestionRecipients.organisationId, organisationId), inArray(suggestions.state, visibleStates)),
    )
    .orderBy(desc(suggestions.issuedAt), desc(suggestions.id));
  const due = await replyDeadlines(
    db,
    rows.map((r) => r.suggestion.id),
  );
  const warnings = await warningsOf(db, due);
  return {
    items: rows.map((r) =>
      summary(r.suggestion, r.readAt, due.get(r.suggestion.id), warnings.get(r.suggestion.id)),
    ),
  };
}

/**
 * The suggestion locked with its recipient row, when addressed to the caller's organisation and
 * issued; 404 otherwise, exactly like a missing id (another organisation never learns it exists).
 */
export async function lockOwn(tx: Executor, id: number, user: SessionUser) {
  const organisationId = await organisationOf(tx, user);
  if (organisationId === null) throw notFound('检察建议');
  const [found] = await tx
    .select({
      suggestion: suggestions,
      recipient: suggestionRecipients,
      organisationName: organisations.name,
    })
    .from(suggestionRecipients)
    .innerJoin(suggestions, eq(suggestions.id, suggestionRecipients.suggestionId))
    .innerJoin(organisations, eq(organisations.id, suggestionRecipients.organisationId))
    .where(
      and(eq(suggestionRecipients.suggestionId, id), eq(suggestionRecipients.organisationId, organisationId)),
    )
    .for('update', { of: [suggestionRecipients, suggestions] });
  if (!found || !visibleStates.includes(found.suggestion.state)) throw notFound('检察建议');
  return found;
}

/**
 * Opens a suggestion. The first opening by any account of the organisation is its electronic
 * delivery (签收): the suggestion becomes 已送达 on today's date and the reply deadline starts with
 * the engine (两个月, 十五日 when urgent; the holiday calendar shifts the last day), exactly as a
 * delivery date typed by the prosecutor does. A suggestion already delivered on paper keeps its date.
 */
export async function openPortalSuggestion(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TPortalSuggestionDetail> {
  const { id, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, recipient, organisationName } = await lockOwn(tx, id, user);
    let deadlineIds: number[] = [];
    const firstOpening = recipient.readAt === null;
    if (firstOpening) {
      await tx
        .update(suggestionRecipients)
        .set({ readAt: now(), readBy: user.id })
        .where(eq(suggestionRecipients.id, recipient.id));
    }
    if (firstOpening && suggestion.state === 'issued') {
      const deliveredOn = today();
      await tx
        .update(suggestions)
        .set({ state: 'delivered', deliveredOn, updatedAt: now() })
        .where(eq(suggestions.id, id));
      const limitId: LimitId =
        suggestion.kind === 'preLitigation' ? 'preLitigationSuggestionReply' : 'generalSuggestionReply';
      const shorter: Period | undefined =
        suggestion.urgent && limitId === 'generalSuggestionReply' ? { amount: 15, unit: 'day' } : undefined;
      deadlineIds = await startDeadline(tx, {
        limitId,
        start: deliveredOn,
        urgent: suggestion.urgent,
        ...(shorter ? { period: shorter } : {}),
        caseId: suggestion.caseId,
        suggestionId: id,
        actor: actorOf(user),
        ip: options.ip,
      });
      await appendCaseEvent(tx, {
        caseId: suggestion.caseId,
        kind: 'suggestionDelivered',
        user,
        note: `检察建议${suggestion.docNumber ?? ''}于 ${deliveredOn} 经外部单位门户电子送达${organisationName}（${user.displayName}签收）`,
        data: { suggestionId: id, deliveredOn, deadlineIds, portal: true },
      });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: firstOpening ? 'portal.suggestion.receive' : 'portal.suggestion.view',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { organisationId: recipient.organisationId, ...(deadlineIds.length ? { deadlineIds } : {}) },
    });
  });
  return detail(database.db, id);
}

/** The files the organisation's own accounts sent with its reply (not the procuratorate's). */
async function ownFiles(db: Executor, id: number, organisationId: number) {
  const accounts = await db
    .select({ userId: organisationAccounts.userId })
    .from(organisationAccounts)
    .where(eq(organisationAccounts.organisationId, organisationId));
  const own = new Set(accounts.map((a) => a.userId));
  return ((await attachmentsOf(db, 'suggestion', [id])).get(id) ?? []).filter((a) =>
    own.has(a.uploadedBy.id),
  );
}

/**
 * The suggestion as its organisation reads it: the texts with minors' names masked, its own
 * extension requests and the decisions, the evidence files it sent, and the procuratorate's
 * evaluation of the rectification once recorded.
 */
export async function detail(db: Executor, id: number): Promise<TPortalSuggestionDetail> {
  const [row] = await db
    .select({
      suggestion: suggestions,
      readAt: suggestionRecipients.readAt,
      organisationId: suggestionRecipients.organisationId,
    })
    .from(suggestions)
    .innerJoin(suggestionRecipients, eq(suggestionRecipients.suggestionId, suggestions.id))
    .where(eq(suggestions.id, id));
  const s = row!.suggestion;
  const due = await replyDeadlines(db, [id]);
  const warnings = await warningsOf(db, due);
  const texts = await maskForPortal(
    db,
    s.caseId,
    { facts: s.facts, legalBasis: s.legalBasis, requests: s.requests, replyContent: s.replyContent },
    ['facts', 'legalBasis', 'requests', 'replyContent'],
  );
  const closed = s.state === 'closed';
  return {
    ...summary(s, row!.readAt, due.get(id), warnings.get(id)),
    ...texts,
    extensions: await portalExtensions(db, id, row!.organisationId),
    attachments: await ownFiles(db, id, row!.organisationId),
    rectificationLabel: closed && s.rectification ? rectificationResults[s.rectification] : null,
    followUpLabel: closed && s.followUp ? followUps[s.followUp] : null,
  };
}

/**
 * A file of the organisation's reply (整改证据: photos, documents), stored by the attachments
 * module on the suggestion like a reply attachment the prosecutor uploads; only once opened
 * (delivered) and until the suggestion is closed.
 */
export function storePortalAttachment(
  database: Database,
  options: { id: number; fileName: string; bytes: Buffer; user: SessionUser; ip: string | null },
) {
  const { id, user } = options;
  return storeAttachment(database, {
    owner: { suggestionId: id },
    fileName: options.fileName,
    bytes: options.bytes,
    user,
    ip: options.ip,
    lock: async (tx) => {
      const { suggestion, recipient } = await lockOwn(tx, id, user);
      if (recipient.readAt === null) throw notFound('检察建议');
      expectState(suggestion.state, ['delivered', 'replied'], '上传回复附件');
      return { purpose: 'reply' as const, targetType: 'suggestion', targetId: id };
    },
  });
}

/**
 * The organisation replies online: the suggestion becomes 已回复 on today's date, the reply
 * deadline is done, and the case handler and drafter are told. The prosecutor then sees the reply
 * in the suggestion as with a paper reply.
 */
export async function replyOnPortal(
  database: Database,
  options: { id: number; input: TPortalReplyBody; user: SessionUser; ip: string | null },
): Promise<TPortalSuggestionDetail> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, recipient, organisationName } = await lockOwn(tx, id, user);
    if (recipient.readAt === null) throw notFound('检察建议');
    expectState(suggestion.state, ['delivered'], '回复');
    const repliedOn = today();
    await tx
      .update(suggestions)
      .set({ state: 'replied', replyOn: repliedOn, replyContent: input.content, updatedAt: now() })
      .where(eq(suggestions.id, id));
    await tx
      .update(deadlines)
      .set({ completedOn: repliedOn, updatedAt: now() })
      .where(
        and(
          eq(deadlines.suggestionId, id),
          inArray(deadlines.limitId, replyLimits),
          isNull(deadlines.completedOn),
        ),
      );
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'replyReceived',
      user,
      note: `${organisationName}于 ${repliedOn} 经外部单位门户回复检察建议${suggestion.docNumber ?? ''}`,
      data: { suggestionId: id, repliedOn, portal: true },
    });
    const [theCase] = await tx
      .select({ handlerId: schema.cases.handlerId })
      .from(schema.cases)
      .where(eq(schema.cases.id, suggestion.caseId));
    await notifyUsers(tx, [theCase?.handlerId ?? null, suggestion.createdBy], {
      actorId: user.id,
      kind: 'suggestionReplied',
      text: `${organisationName}于 ${repliedOn} 经门户回复了检察建议${suggestion.docNumber ?? ''}，请跟进整改情况`,
      link: `/cases/${suggestion.caseId}`,
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'portal.suggestion.reply',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { organisationId: recipient.organisationId, caseId: suggestion.caseId, repliedOn },
    });
  });
  return detail(database.db, id);
}
