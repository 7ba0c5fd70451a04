import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { approvalLevel, approvalLevelLabels } from '@procura/domain/approvals';
import { deadlineStatus } from '@procura/domain/deadlines/index';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import * as clock from '../clock.ts';
import { statusLabels } from '../deadlines/present-deadline.ts';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import { authorsOf } from './four-eyes.ts';
import { followUps, rectificationResults, suggestionKinds, suggestionStates } from './labels.ts';
import type { TSuggestion } from './schema.ts';

const {
  suggestions,
  cases,
  departments,
  users,
  deadlines,
  caseDocuments,
  suggestionRecipients,
  organisations,
} = schema;

export const replyLimits = ['preLitigationSuggestionReply', 'generalSuggestionReply'];

/** Suggestions by id with their case, department, reply deadline and documents, in the order asked. */
export async function loadSuggestions(db: Executor, ids: number[]): Promise<TSuggestion[]> {
  if (ids.length === 0) return [];
  const [rows, replyDeadlines, documents, replyAttachments, recipients] = await Promise.all([
    db
      .select({
        row: suggestions,
        theCase: { id: cases.id, caseNumber: cases.caseNumber, title: cases.title, type: cases.type },
        department: { id: departments.id, name: departments.name },
        handler: { id: users.id, name: users.displayName },
      })
      .from(suggestions)
      .innerJoin(cases, eq(cases.id, suggestions.caseId))
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .leftJoin(users, eq(users.id, cases.handlerId))
      .where(inArray(suggestions.id, ids)),
    db
      .select()
      .from(deadlines)
      .where(and(inArray(deadlines.suggestionId, ids), inArray(deadlines.limitId, replyLimits))),
    db
      .select({
        id: caseDocuments.id,
        suggestionId: caseDocuments.suggestionId,
        name: caseDocuments.name,
        mime: caseDocuments.mime,
        size: caseDocuments.size,
        sha256: caseDocuments.sha256,
        createdAt: caseDocuments.createdAt,
      })
      .from(caseDocuments)
      .where(inArray(caseDocuments.suggestionId, ids))
      .orderBy(asc(caseDocuments.id)),
    attachmentsOf(db, 'suggestion', ids),
    db
      .select({
        suggestionId: suggestionRecipients.suggestionId,
        readAt: suggestionRecipients.readAt,
        organisation: { id: organisations.id, name: organisations.name },
      })
      .from(suggestionRecipients)
      .innerJoin(organisations, eq(organisations.id, suggestionRecipients.organisationId))
      .where(inArray(suggestionRecipients.suggestionId, ids)),
  ]);
  // Juvenile case titles name minors: masked as in every list (未成年人保护法 第一百零三条).
  const maskedTitles = new Map(
    (
      await maskCaseTitles(
        db,
        rows.map((r) => r.theCase),
      )
    ).map((c) => [c.id, c.title]),
  );
  const authors = await authorsOf(
    db,
    rows.map(({ row }) => row),
  );
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(db, [year, year + 1]);
  const byId = new Map(
    rows.map(({ row, theCase, department, handler }) => {
      const reply = replyDeadlines.find((d) => d.suggestionId === row.id);
      const status = reply
        ? deadlineStatus(reply.dueOn, today, calendar, { completedOn: reply.completedOn })
        : null;
      const rectification = row.rectification as keyof typeof rectificationResults | null;
      const followUp = row.followUp as keyof typeof followUps | null;
      const presented: TSuggestion = {
        id: row.id,
        case: {
          id: theCase.id,
          caseNumber: theCase.caseNumber,
          title: maskedTitles.get(theCase.id) ?? theCase.title,
        },
        department,
        handler: handler?.id ? { id: handler.id, name: handler.name } : null,
        kind: row.kind,
        kindLabel: suggestionKinds[row.kind],
        addressee: row.addressee,
        facts: row.facts,
        legalBasis: row.legalBasis,
        requests: row.requests,
        contactName: row.contactName,
        contactPhone: row.contactPhone,
        copyTo: row.copyTo,
        urgent: row.urgent,
        state: row.state,
        stateLabel: suggestionStates[row.state],
        docNumber: row.docNumber,
        issuedAt: row.issuedAt?.toISOString() ?? null,
        deliveredOn: row.deliveredOn,
        replyOn: row.replyOn,
        replyContent: row.replyContent,
        rectification,
        rectificationLabel: rectification ? rectificationResults[rectification] : null,
        rectificationNote: row.rectificationNote,
        followUp,
        followUpLabel: followUp ? followUps[followUp] : null,
        // Entries written before returns existed are approvals.
        approvals: (row.approvals as TSuggestion['approvals']).map((a) => ({
          ...a,
          decision: a.decision ?? 'approved',
        })),
        approval: {
          authorIds: (authors.get(row.id) ?? []).map((a) => a.id),
          level: approvalLevel(authors.get(row.id) ?? []),
          levelLabel: approvalLevelLabels[approvalLevel(authors.get(row.id) ?? [])],
        },
        replyDue: reply?.dueOn ?? null,
        replyStatus: status,
        replyStatusLabel: status ? statusLabels[status] : null,
        documents: documents
          .filter((d) => d.suggestionId === row.id)
          .map(({ suggestionId: _, createdAt, ...d }) => ({
            ...d,
            createdAt: createdAt.toISOString(),
            url: `/api/case-documents/${d.id}`,
          })),
        replyAttachments: replyAttachments.get(row.id) ?? [],
        portalRecipient: portalRecipientOf(recipients.find((r) => r.suggestionId === row.id)),
        createdAt: row.createdAt.toISOString(),
      };
      return [row.id, presented];
    }),
  );
  return ids.map((id) => byId.get(id)).filter((s): s is TSuggestion => Boolean(s));
}

function portalRecipientOf(
  recipient: { organisation: { id: number; name: string }; readAt: Date | null } | undefined,
): TSuggestion['portalRecipient'] {
  if (!recipient) return null;
  return { organisation: recipient.organisation, readAt: recipient.readAt?.toISOString() ?? null };
}
