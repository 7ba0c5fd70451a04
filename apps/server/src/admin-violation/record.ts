import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { adminActKinds, adminCorrections } from '@procura/domain/admin-violation';
import { and, asc, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { reaches } from '../cases/record-reach.ts';
import { now, today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { loadSuggestions } from '../suggestions/present-suggestion.ts';
import type { TSuggestion } from '../suggestions/schema.ts';
import { presentOrigin } from './origin.ts';
import type { TAdminViolation, TAdminViolationBody, TFollowUpBody } from './schema.ts';

const { cases, clues, suggestions, adminViolationRecords: records } = schema;

type CaseRow = typeof cases.$inferSelect;

/** Refuses a case of another type; the case has already passed the reach check. */
function requireViolationCase(row: CaseRow): CaseRow {
  if (row.type !== 'adminViolation') {
    throw new DomainError('VALIDATION', `案件 ${row.caseNumber} 不是行政违法行为监督案件`);
  }
  return row;
}

/** The case as its GET reaches it: 404 when missing, out of reach or sealed from the user. */
export async function reachViolationCase(db: Executor, id: number, user: SessionUser): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return requireViolationCase(row);
}

const summary = (s: TSuggestion) => ({
  id: s.id,
  docNumber: s.docNumber,
  kindLabel: s.kindLabel,
  stateLabel: s.stateLabel,
  addressee: s.addressee,
  deliveredOn: s.deliveredOn,
  replyDue: s.replyDue,
  replyStatusLabel: s.replyStatusLabel,
  replyOn: s.replyOn,
  rectificationLabel: s.rectificationLabel,
});

/** The record, the case's suggestions (the reply deadline is theirs) and the clue's criminal origin. */
export async function loadAdminViolation(
  db: Executor,
  theCase: CaseRow,
  user: SessionUser,
): Promise<TAdminViolation> {
  const [record] = await db.select().from(records).where(eq(records.caseId, theCase.id));
  const suggestionIds = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.caseId, theCase.id))
    .orderBy(asc(suggestions.id));
  const list = (
    await loadSuggestions(
      db,
      suggestionIds.map((s) => s.id),
    )
  ).map(summary);
  const [clue] = await db
    .select({ id: clues.id })
    .from(clues)
    .where(eq(clues.caseId, theCase.id))
    .orderBy(asc(clues.id))
    .limit(1);
  return {
    caseId: theCase.id,
    record: record
      ? {
          organ: record.organ,
          organCode: record.organCode,
          actKind: record.actKind,
          actKindLabel:
            record.actKind === 'other'
              ? (record.actKindOther ?? adminActKinds.other)
              : adminActKinds[record.actKind],
          actKindOther: record.actKindOther,
          actDescription: record.actDescription,
          violation: record.violation,
          suggestion: list.find((s) => s.id === record.suggestionId) ?? null,
          followUp:
            record.correction && record.correctedOn
              ? {
                  correction: record.correction,
                  correctionLabel: adminCorrections[record.correction],
                  correctionMeasures: record.correctionMeasures,
                  correctedOn: record.correctedOn,
                }
              : null,
          updatedAt: record.updatedAt.toISOString(),
        }
      : null,
    suggestions: list,
    origin: clue ? await presentOrigin(db, clue.id, user) : null,
  };
}

/** A suggestion of this very case; any other id answers as missing. */
async function suggestionOfCase(tx: Executor, caseId: number, suggestionId: number) {
  const [row] = await tx
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, suggestionId), eq(suggestions.caseId, caseId)));
  if (!row) throw notFound('检察建议');
  return row;
}

/** 行政机关、被监督的行政行为、违法情形, and the 检察建议 to the organ. */
export async function updateAdminViolation(
  database: Database,
  options: { id: number; input: TAdminViolationBody; user: SessionUser; ip: string | null },
): Promise<TAdminViolation> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireViolationCase(await lockCase(tx, id, user));
    const [existing] = await tx.select().from(records).where(eq(records.caseId, id));
    const suggestionId =
      input.suggestionId === undefined ? (existing?.suggestionId ?? null) : input.suggestionId;
    if (suggestionId !== null) await suggestionOfCase(tx, id, suggestionId);
    if (existing?.correction && suggestionId !== existing.suggestionId) {
      throw new DomainError('CONFLICT', '已记录行政机关纠正结果，不能更换或取消关联的检察建议');
    }
    const values = {
      organ: input.organ,
      organCode: input.organCode || null,
      actKind: input.actKind,
      actKindOther: input.actKindOther ?? null,
      actDescription: input.actDescription || null,
      violation: input.violation,
      suggestionId,
      updatedBy: user.id,
      updatedAt: now(),
    };
    await tx
      .insert(records)
      .values({ caseId: id, ...values })
      .onConflictDoUpdate({ target: records.caseId, set: values });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'adminViolation.update',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, organ: input.organ, actKind: input.actKind, suggestionId },
    });
    return loadAdminViolation(tx, theCase, user);
  });
}

/** 跟进监督: what the organ did after the suggestion (纠正结果) and when. */
export async function recordFollowUp(
  database: Database,
  options: { id: number; input: TFollowUpBody; user: SessionUser; ip: string | null },
): Promise<TAdminViolation> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = requireViolationCase(await lockCase(tx, id, user));
    const [record] = await tx.select().from(records).where(eq(records.caseId, id));
    if (!record) throw new DomainError('VALIDATION', '请先填写行政机关、被监督的行政行为和违法情形');
    const suggestion =
      record.suggestionId === null ? null : await suggestionOfCase(tx, id, record.suggestionId);
    if (!suggestion?.deliveredOn) {
      throw new DomainError('VALIDATION', '请先关联已送达行政机关的检察建议，再记录纠正结果');
    }
    if (input.correctedOn > today()) {
      throw new DomainError('VALIDATION', `纠正日期 ${input.correctedOn} 晚于今天，不能预先记录`);
    }
    if (input.correctedOn < suggestion.deliveredOn) {
      throw new DomainError(
        'VALIDATION',
        `纠正日期 ${input.correctedOn} 早于检察建议送达日期 ${suggestion.deliveredOn}`,
      );
    }
    await tx
      .update(records)
      .set({
        correction: input.correction,
        correctionMeasures: input.correctionMeasures,
        correctedOn: input.correctedOn,
        updatedBy: user.id,
        updatedAt: now(),
      })
      .where(eq(records.caseId, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'adminViolation.recordFollowUp',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: {
        caseNumber: theCase.caseNumber,
        correction: input.correction,
        correctedOn: input.correctedOn,
      },
    });
    return loadAdminViolation(tx, theCase, user);
  });
}
