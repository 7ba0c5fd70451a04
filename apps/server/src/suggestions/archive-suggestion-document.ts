import { createHash } from 'node:crypto';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { missingFieldsProblem } from './labels.ts';
import { renderSuggestionDocx } from './render-suggestion-docx.ts';

export const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Prints the 检察建议书 of a suggestion row and archives it on the case (bytes, size, sha256). Refuses,
 * naming the fields, when a required field is empty: never a document with a blank in it.
 */
export async function archiveSuggestionDocument(
  tx: Executor,
  options: { suggestion: typeof schema.suggestions.$inferSelect; user: SessionUser },
): Promise<number> {
  const { suggestion, user } = options;
  const problem = missingFieldsProblem(suggestion, '生成检察建议书');
  if (problem) throw new DomainError('VALIDATION', problem);
  const [procuratorate] = await tx
    .select({ name: schema.procuratorate.name })
    .from(schema.procuratorate)
    .where(eq(schema.procuratorate.id, 1));
  const [theCase] = await tx
    .select({ title: schema.cases.title, openedAt: schema.cases.openedAt, handler: schema.users.displayName })
    .from(schema.cases)
    .leftJoin(schema.users, eq(schema.users.id, schema.cases.handlerId))
    .where(eq(schema.cases.id, suggestion.caseId));
  const content = await renderSuggestionDocx({
    procuratorate: procuratorate?.name ?? '',
    docNumber: suggestion.docNumber,
    kind: suggestion.kind,
    addressee: suggestion.addressee,
    facts: suggestion.facts,
    legalBasis: suggestion.legalBasis,
    requests: suggestion.requests,
    urgent: suggestion.urgent,
    date: chinaDate(suggestion.issuedAt ?? now()),
    caseTitle: theCase?.title ?? '',
    openedOn: chinaDate(theCase?.openedAt ?? now()),
    contactName: suggestion.contactName.trim() || (theCase?.handler ?? ''),
    contactPhone: suggestion.contactPhone,
    copyTo: suggestion.copyTo,
  });
  const name = suggestion.docNumber
    ? `检察建议书 ${suggestion.docNumber}.docx`
    : `检察建议书（未签发稿）${suggestion.id}.docx`;
  const [document] = await tx
    .insert(schema.caseDocuments)
    .values({
      caseId: suggestion.caseId,
      suggestionId: suggestion.id,
      name,
      mime: docxMime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      createdBy: user.id,
    })
    .returning({ id: schema.caseDocuments.id });
  return document!.id;
}
