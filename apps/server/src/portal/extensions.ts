import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { diffDays } from '@procura/domain/deadlines/period';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { recomputeChain } from '../deadlines/recompute-deadline.ts';
import { DomainError, notFound } from '../errors.ts';
import { notifyUsers } from '../notifications/recipients.ts';
import { getSuggestion } from '../suggestions/get-suggestion.ts';
import { appendCaseEvent, lockSuggestion } from '../suggestions/lock-suggestion.ts';
import { replyLimits } from '../suggestions/present-suggestion.ts';
import {
  extensionRequestStates,
  type TExtensionDecisionBody,
  type TExtensionRequest,
  type TExtensionRequestBody,
  type TPortalExtension,
} from './replies-schema.ts';

const {
  suggestionExtensionRequests: requests,
  deadlines,
  organisations,
  organisationAccounts,
  users,
} = schema;

type Row = typeof requests.$inferSelect;

function presentForOrganisation(r: Row): TPortalExtension {
  return {
    id: r.id,
    reason: r.reason,
    proposedDueOn: r.proposedDueOn,
    previousDueOn: r.previousDueOn,
    state: r.state,
    stateLabel: extensionRequestStates[r.state],
    requestedAt: r.requestedAt.toISOString(),
    newDueOn: r.newDueOn,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

/** The organisation's own requests on one suggestion, oldest first. */
export async function portalExtensions(
  db: Executor,
  suggestionId: number,
  organisationId: number,
): Promise<TPortalExtension[]> {
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.suggestionId, suggestionId), eq(requests.organisationId, organisationId)))
    .orderBy(asc(requests.requestedAt), asc(requests.id));
  return rows.map(presentForOrganisation);
}

/** The running (not completed) reply deadline of a suggestion, locked. */
async function runningReplyDeadline(tx: Executor, suggestionId: number) {
  const [row] = await tx
    .select()
    .from(deadlines)
    .where(
      and(
        eq(deadlines.suggestionId, suggestionId),
        inArray(deadlines.limitId, replyLimits),
        isNull(deadlines.completedOn),
      ),
    )
    .for('update');
  return row ?? null;
}

/**
 * 延期申请: an organisation that opened a suggestion asks for a later reply day, with its reason.
 * One request waits at a time; the case handler and the drafter are told. `lockOwn` is the
 * portal's own reach check (another organisation's suggestion answers 404 like a missing one).
 */
export async function requestExtension(
  tx: Executor,
  options: {
    suggestion: typeof schema.suggestions.$inferSelect;
    organisationId: number;
    organisationName: string;
    input: TExtensionRequestBody;
    user: SessionUser;
    ip: string | null;
  },
): Promise<void> {
  const { suggestion, organisationId, organisationName, input, user } = options;
  if (suggestion.state !== 'delivered')
    throw new DomainError('CONFLICT', '只有已签收、尚未回复的检察建议才能申请延期回复');
  const deadline = await runningReplyDeadline(tx, suggestion.id);
  if (!deadline?.dueOn) throw new DomainError('CONFLICT', '该检察建议没有正在计算的回复期限，无需申请延期');
  if (input.proposedDueOn <= deadline.dueOn)
    throw new DomainError(
      'VALIDATION',
      `申请延至的日期 ${input.proposedDueOn} 应晚于现有回复期限 ${deadline.dueOn}`,
    );
  const [waiting] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.suggestionId, suggestion.id), eq(requests.state, 'pending')));
  if (waiting) throw new DomainError('CONFLICT', '本单位已有一份延期申请正在审查，请等待检察院决定');
  const [created] = await tx
    .insert(requests)
    .values({
      suggestionId: suggestion.id,
      organisationId,
      reason: input.reason,
      proposedDueOn: input.proposedDueOn,
      previousDueOn: deadline.dueOn,
      requestedBy: user.id,
      requestedAt: now(),
    })
    .returning({ id: requests.id });
  const [theCase] = await tx
    .select({ handlerId: schema.cases.handlerId })
    .from(schema.cases)
    .where(eq(schema.cases.id, suggestion.caseId));
  await notifyUsers(tx, [theCase?.handlerId ?? null, suggestion.createdBy], {
    actorId: user.id,
    kind: 'suggestionExtensionRequested',
    text: `${organisationName}申请将检察建议${suggestion.docNumber ?? ''}的回复期限由 ${deadline.dueOn} 延至 ${input.proposedDueOn}，请审查决定`,
    link: `/cases/${suggestion.caseId}`,
  });
  await appendCaseEvent(tx, {
    caseId: suggestion.caseId,
    kind: 'note',
    user,
    note: `${organisationName}经门户申请延期回复检察建议${suggestion.docNumber ?? ''}（延至 ${input.proposedDueOn}）：${input.reason}`,
    data: { suggestionId: suggestion.id, extensionRequestId: created!.id, portal: true },
  });
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'portal.suggestion.requestExtension',
    targetType: 'suggestion',
    targetId: suggestion.id,
    ip: options.ip,
    detail: {
      organisationId,
      extensionRequestId: created!.id,
      proposedDueOn: input.proposedDueOn,
      previousDueOn: deadline.dueOn,
    },
  });
}

/** The requests on a suggestion the prosecutor reaches (404 otherwise), oldest first. */
export async function listExtensionRequests(
  db: Executor,
  suggestionId: number,
  user: SessionUser,
): Promise<{ items: TExtensionRequest[] }> {
  if (!(await getSuggestion(db, suggestionId, user))) throw notFound('检察建议');
  const decider = alias(users, 'decider');
  const rows = await db
    .select({
      row: requests,
      organisation: organisations.name,
      requestedBy: users.displayName,
      decidedBy: decider.displayName,
    })
    .from(requests)
    .innerJoin(organisations, eq(organisations.id, requests.organisationId))
    .innerJoin(users, eq(users.id, requests.requestedBy))
    .leftJoin(decider, eq(decider.id, requests.decidedBy))
    .where(eq(requests.suggestionId, suggestionId))
    .orderBy(asc(requests.requestedAt), asc(requests.id));
  return {
    items: rows.map((r) => ({
      ...presentForOrganisation(r.row),
      suggestionId: r.row.suggestionId,
      organisation: r.organisation,
      requestedBy: r.requestedBy,
      decidedBy: r.decidedBy ?? null,
    })),
  };
}

/**
 * The suggestion's caseworkers decide a request. Granted: the reply deadline is set to end on the
 * new day (as a period of days from its start, so the engine still moves a last day falling on a
 * rest day, and the decision on suit chained after it moves too), and its steps say why. Refused:
 * the deadline stays. Either way the organisation's accounts are told and see the reason.
 */
export async function decideExtension(
  database: Database,
  options: { requestId: number; input: TExtensionDecisionBody; user: SessionUser; ip: string | null },
): Promise<{ items: TExtensionRequest[] }> {
  const { requestId, input, user } = options;
  const suggestionId = await database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(requests).where(eq(requests.id, requestId));
    if (!found) throw notFound('延期申请');
    let suggestion: typeof schema.suggestions.$inferSelect;
    try {
      ({ suggestion } = await lockSuggestion(tx, found.suggestionId, user));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('延期申请');
      throw error;
    }
    const [request] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    if (request!.state !== 'pending')
      throw new DomainError(
        'CONFLICT',
        `该延期申请已${extensionRequestStates[request!.state]}，不能再次决定`,
      );
    const [organisation] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, request!.organisationId));
    const day = today();
    let newDueOn: string | null = null;
    if (input.grant) {
      if (suggestion.state !== 'delivered')
        throw new DomainError('CONFLICT', '该检察建议已回复或办结，回复期限无需延长');
      const deadline = await runningReplyDeadline(tx, suggestion.id);
      if (!deadline?.dueOn || !deadline.startOn)
        throw new DomainError('CONFLICT', '该检察建议没有正在计算的回复期限');
      const wanted = input.newDueOn ?? request!.proposedDueOn;
      if (wanted <= deadline.dueOn)
        throw new DomainError('VALIDATION', `延长后的回复期限 ${wanted} 应晚于现有期限 ${deadline.dueOn}`);
      await recomputeChain(tx, {
        ...deadline,
        period: { amount: diffDays(deadline.startOn, wanted), unit: 'day' },
      });
      const [moved] = await tx.select().from(deadlines).where(eq(deadlines.id, deadline.id));
      newDueOn = moved!.dueOn!;
      const why = `${day} ${user.displayName}同意${organisation!.name}的延期申请，回复期限由 ${deadline.dueOn} 延至 ${newDueOn}（单位理由：${request!.reason}；决定理由：${input.note}）`;
      await tx
        .update(deadlines)
        .set({
          explanation: `经批准延期：${moved!.explanation}`,
          steps: [...moved!.steps, why],
          updatedAt: now(),
        })
        .where(eq(deadlines.id, deadline.id));
    }
    await tx
      .update(requests)
      .set({
        state: input.grant ? 'granted' : 'refused',
        newDueOn,
        decisionNote: input.note,
        decidedBy: user.id,
        decidedAt: now(),
      })
      .where(eq(requests.id, requestId));
    const outcome = input.grant ? `同意延期至 ${newDueOn}` : '不同意延期';
    await appendCaseEvent(tx, {
      caseId: suggestion.caseId,
      kind: 'note',
      user,
      note: `${organisation!.name}关于检察建议${suggestion.docNumber ?? ''}的延期申请：${outcome}（${input.note}）`,
      data: { suggestionId: suggestion.id, extensionRequestId: requestId, granted: input.grant, newDueOn },
    });
    const accounts = await tx
      .select({ userId: organisationAccounts.userId })
      .from(organisationAccounts)
      .where(eq(organisationAccounts.organisationId, request!.organisationId));
    await notifyUsers(
      tx,
      accounts.map((a) => a.userId),
      {
        actorId: user.id,
        kind: 'suggestionExtensionDecided',
        text: `检察院对检察建议${suggestion.docNumber ?? ''}的延期申请：${outcome}。理由：${input.note}`,
        link: '/portal/suggestions',
      },
    );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: input.grant ? 'suggestion.extension.grant' : 'suggestion.extension.refuse',
      targetType: 'suggestion',
      targetId: suggestion.id,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, extensionRequestId: requestId, newDueOn },
    });
    return suggestion.id;
  });
  return listExtensionRequests(database.db, suggestionId, user);
}
