import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate, chinaYear } from '@procura/domain/china-time';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { allocateNumber } from '../cases/allocate-number.ts';
import { now } from '../clock.ts';
import { suggestionDocCode } from '../departments/list-departments.ts';
import { DomainError } from '../errors.ts';
import { archiveSuggestionDocument } from './archive-suggestion-document.ts';
import { getSuggestion } from './get-suggestion.ts';
import { missingFieldsProblem, suggestionKinds } from './labels.ts';
import { appendCaseEvent, expectState, lockSuggestion } from './lock-suggestion.ts';
import { moveCaseOnIssue } from './move-case-on-issue.ts';
import type { TSuggestion } from './schema.ts';

/**
 * 签发: allocates the 文号 (成华检公益建〔2026〕N号, no gaps, no races), prints the 检察建议书 and
 * archives it on the case, ends the case's "立案后提出检察建议" limit and moves the case into the
 * stage the suggestion belongs to (诉前程序…), in one transaction.
 */
export async function issueSuggestion(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TSuggestion> {
  const { id, user } = options;
  await database.db.transaction(async (tx) => {
    const { suggestion, theCase } = await lockSuggestion(tx, id, user);
    expectState(suggestion.state, ['approved'], '签发');
    const problem = missingFieldsProblem(suggestion, '签发');
    if (problem) throw new DomainError('VALIDATION', problem);
    const stageMove = await moveCaseOnIssue(tx, {
      theCase,
      suggestionKind: suggestion.kind,
      user,
      ip: options.ip,
    });
    const [department] = await tx
      .select()
      .from(schema.departments)
      .where(eq(schema.departments.id, theCase.departmentId));
    // The 文号代字 is the department's setting (部门设置), its line's default when unset.
    const code = department && suggestionDocCode(department);
    if (!code)
      throw new DomainError(
        'VALIDATION',
        `${department?.name ?? '本部门'}没有检察建议文号代字，不能签发检察建议`,
      );
    const issuedAt = now();
    const { number: docNumber, seq } = await allocateNumber(tx, 'document', {
      code,
      year: chinaYear(issuedAt),
    });
    const [issued] = await tx
      .update(schema.suggestions)
      .set({
        state: 'issued',
        docNumber,
        numberYear: chinaYear(issuedAt),
        numberSeq: seq,
        issuedAt,
        updatedAt: issuedAt,
      })
      .where(eq(schema.suggestions.id, id))
      .returning();
    const documentId = await archiveSuggestionDocument(tx, { suggestion: issued!, user });
    await tx
      .update(schema.deadlines)
      .set({ completedOn: chinaDate(issuedAt), updatedAt: issuedAt })
      .where(
        and(
          eq(schema.deadlines.caseId, theCase.id),
          eq(schema.deadlines.limitId, 'caseHandlingToSuggestion'),
          isNull(schema.deadlines.completedOn),
        ),
      );
    await appendCaseEvent(tx, {
      caseId: theCase.id,
      kind: 'suggestionIssued',
      at: issuedAt,
      user,
      note: `签发${suggestionKinds[suggestion.kind]}${docNumber}（${suggestion.addressee}）`,
      data: { suggestionId: id, docNumber, documentId },
    });
    await stageMove.apply(docNumber, issuedAt);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.issue',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { caseId: theCase.id, docNumber, documentId },
    });
  });
  return (await getSuggestion(database.db, id, user))!;
}
