import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { openClueStatuses } from '@procura/domain/cases/clue-sources';
import { isMinorOn, maskName } from '@procura/domain/juvenile/mask';
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { today } from '../clock.ts';
import { maySeeSealed, notSealedFor } from '../juvenile/scope.ts';
import type { TPossibleDuplicate } from './schema.ts';

const { clues, clueParties, cases, departments } = schema;

/** Trigram similarity (pg_trgm) from which two descriptions of one organisation count as alike. */
export const descriptionSimilarityThreshold = 0.3;

/**
 * Open clues and cases that may be the same matter: a person with the same 公民身份号码, or the
 * same organisation with a similar description. They are flagged to the user, never merged.
 * A record the user could not open is flagged anonymously (no id, case number or name: only its
 * department and the kind of match); a sealed one is not flagged at all outside those who may
 * see it (maySeeSealed). `matched` names every record found, for the audit log.
 */
export async function findDuplicates(
  db: Executor,
  /** Whose screen the flags go to: sealed juvenile records never show outside 未检. */
  user: Pick<SessionUser, 'id' | 'role' | 'department'>,
  subject: {
    clueId: number | null;
    description: string;
    idNumbers: string[];
    organisations: string[];
  },
): Promise<{ duplicates: TPossibleDuplicate[]; matched: string[] }> {
  const matches: SQLMatch[] = [];
  const seesSealed = await maySeeSealed(db, user);
  if (subject.idNumbers.length > 0) {
    matches.push({
      condition: and(eq(clueParties.kind, 'person'), inArray(clueParties.idNumber, subject.idNumbers))!,
      // A minor's name and number are not shown across departments (未成年人保护法 第一百零三条).
      reason: (p) =>
        isMinorOn(p.idNumber, today())
          ? `同一公民身份号码（${maskName(p.name)}，未成年人）`
          : `同一公民身份号码（${p.name}，${p.idNumber}）`,
      anonymous: '同一公民身份号码',
    });
  }
  if (subject.organisations.length > 0) {
    matches.push({
      condition: and(
        eq(clueParties.kind, 'organisation'),
        inArray(clueParties.name, subject.organisations),
        sql`similarity(${clues.description}, ${subject.description}) >= ${descriptionSimilarityThreshold}`,
      )!,
      reason: (p) => `同一单位「${p.name}」且线索内容相似`,
      anonymous: '同一单位且线索内容相似',
    });
  }
  const found = new Map<string, TPossibleDuplicate>();
  const gone = '（您无权查看该记录，请与该部门核实）';
  for (const match of matches) {
    const rows = await db
      .select({
        clueId: clues.id,
        clueDepartmentId: clues.departmentId,
        clueHandlerId: clues.handlerId,
        caseId: cases.id,
        caseNumber: cases.caseNumber,
        caseDepartmentId: cases.departmentId,
        caseHandlerId: cases.handlerId,
        department: departments.name,
        name: clueParties.name,
        idNumber: clueParties.idNumber,
      })
      .from(clueParties)
      .innerJoin(clues, eq(clues.id, clueParties.clueId))
      .innerJoin(departments, eq(departments.id, clues.departmentId))
      .leftJoin(cases, eq(cases.id, clues.caseId))
      .where(
        and(
          match.condition,
          subject.clueId ? ne(clues.id, subject.clueId) : undefined,
          seesSealed ? undefined : notSealedFor(user, clues.caseId),
          or(
            inArray(clues.status, [...openClueStatuses]),
            and(eq(clues.status, 'opened'), isNull(cases.closedAt)),
          ),
        ),
      )
      .orderBy(clues.id)
      .limit(20);
    for (const row of rows) {
      const record = row.caseId
        ? { departmentId: row.caseDepartmentId!, handlerId: row.caseHandlerId }
        : { departmentId: row.clueDepartmentId, handlerId: row.clueHandlerId };
      const kind = row.caseId ? 'case' : 'clue';
      const key = `${kind}:${row.caseId ?? row.clueId}`;
      if (!reaches(user, record)) {
        const duplicate: TPossibleDuplicate = {
          kind,
          id: null,
          caseNumber: null,
          department: row.department,
          reason: `${match.anonymous}${gone}`,
        };
        if (!found.has(key)) found.set(key, duplicate);
        continue;
      }
      const duplicate: TPossibleDuplicate = row.caseId
        ? {
            kind: 'case',
            id: row.caseId,
            caseNumber: row.caseNumber,
            department: row.department,
            reason: match.reason(row),
          }
        : {
            kind: 'clue',
            id: row.clueId,
            caseNumber: null,
            department: row.department,
            reason: match.reason(row),
          };
      const seen = found.get(key);
      if (!seen) found.set(key, duplicate);
      else if (!seen.reason.includes(duplicate.reason)) seen.reason = `${seen.reason}；${duplicate.reason}`;
    }
  }
  return { duplicates: [...found.values()], matched: [...found.keys()] };
}

interface SQLMatch {
  condition: ReturnType<typeof sql>;
  reason: (party: { name: string; idNumber: string | null }) => string;
  /** The same, naming nobody: for a record the user cannot open. */
  anonymous: string;
}
