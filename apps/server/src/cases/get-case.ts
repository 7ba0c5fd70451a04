import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { getCaseType, type TCaseType } from '@procura/domain/cases/case-types';
import { clueSources } from '@procura/domain/cases/clue-sources';
import { caseEventLabel } from '@procura/domain/cases/event-kinds';
import { formatOutcome, outcomeKinds } from '@procura/domain/cases/outcomes';
import { allowedTransitions, suggestionStageMove } from '@procura/domain/cases/stage-machine';
import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { loadClues } from '../clues/present-clue.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { caseParties, relatedCases } from './case-links.ts';
import { loadCases } from './present-case.ts';
import { reaches } from './record-reach.ts';
import type { TCaseDetail } from './schema.ts';

const { caseDocuments, caseEvents, caseOutcomes, clues, departments } = schema;

/** A case with its timeline, linked clues, outcomes, archived documents and next stages; null when missing or out of reach. */
export async function getCase(db: Executor, id: number, user: SessionUser): Promise<TCaseDetail | null> {
  const [theCase] = await loadCases(db, [id]);
  if (!theCase) return null;
  if (!reaches(user, { departmentId: theCase.department.id, handlerId: theCase.handler?.id ?? null }))
    return null;
  if (await sealedFrom(db, user, id)) return null;
  const [events, linked, outcomes, documents] = await Promise.all([
    db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db
      .select({ id: clues.id, title: clues.title, source: clues.source, department: departments.name })
      .from(clues)
      .innerJoin(departments, eq(departments.id, clues.departmentId))
      .where(eq(clues.caseId, id))
      .orderBy(clues.id),
    db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, id)).orderBy(caseOutcomes.id),
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
      .where(eq(caseDocuments.caseId, id))
      .orderBy(asc(caseDocuments.id)),
  ]);
  const recorded = new Set(events.map((e) => e.kind));
  // Loaded as the clue pages show them: a minor's name masked in titles and parties.
  const linkedClues = await loadClues(
    db,
    linked.map((c) => c.id),
  );
  const maskedTitles = new Map(linkedClues.map((c) => [c.id, c.title]));
  const parties = caseParties(linkedClues);
  const related = await relatedCases(db, { caseId: id, parties, user });
  return {
    ...theCase,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      label: caseEventLabel(e.kind),
      at: e.at.toISOString(),
      day: eventDay(e.kind, e.data),
      lateEntryReason: typeof e.data.lateEntryReason === 'string' ? e.data.lateEntryReason : null,
      actor: e.actorName,
      note: e.note,
      data: e.data,
    })),
    clues: linked.map((c) => ({
      id: c.id,
      title: maskedTitles.get(c.id) ?? c.title,
      sourceLabel: clueSources[c.source],
      department: c.department,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      kind: o.kind,
      label: outcomeKinds[o.kind].label,
      amountFen: o.amountFen,
      count: o.count,
      text: formatOutcome(o.kind, o),
      note: o.note,
      createdAt: o.createdAt.toISOString(),
    })),
    parties,
    relatedCases: related,
    documents: documents.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      url: `/api/case-documents/${d.id}`,
    })),
    suggestionStage: suggestionStageOf(theCase.type, theCase.stage, recorded),
    nextStages: allowedTransitions(theCase.type, theCase.stage).map((option) => ({
      to: option.to,
      label: option.label,
      missing: option.requires
        .filter((kind) => !recorded.has(kind))
        .map((kind) => ({ kind, label: caseEventLabel(kind) })),
    })),
  };
}

/** Events known by their day only; older rows carry the day under the step's own field. */
function eventDay(kind: string, data: Record<string, unknown>): string | null {
  const day =
    data.day ??
    (kind === 'suggestionDelivered' ? data.deliveredOn : kind === 'replyReceived' ? data.repliedOn : null);
  return typeof day === 'string' ? day : null;
}

/** What issuing a suggestion would do to the case's stage, for the suggestion card to say before it. */
function suggestionStageOf(
  type: TCaseType,
  stage: string,
  recorded: Set<string>,
): TCaseDetail['suggestionStage'] {
  const rule = getCaseType(type).suggestionStage;
  const move = rule && suggestionStageMove(type, stage, rule.kinds[0]!, recorded);
  if (!rule || !move) return null;
  return {
    kinds: [...rule.kinds],
    to: move.to,
    label: move.label,
    missing: move.missing.map((kind) => ({ kind, label: caseEventLabel(kind) })),
  };
}
