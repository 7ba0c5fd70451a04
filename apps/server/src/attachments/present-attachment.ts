import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { TAttachment } from './schema.ts';

type Row = Omit<typeof schema.attachments.$inferSelect, 'content'> & { uploaderName: string };

export function presentAttachment(row: Row): TAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    kind: row.kind,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { id: row.uploadedBy, name: row.uploaderName },
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

const { attachments, users } = schema;

/** The files of each owner (clues or suggestions) in upload order, without their bytes. */
export async function attachmentsOf(
  db: Executor,
  ownerKind: 'clue' | 'suggestion' | 'patrolFinding' | 'cooperationAgreement' | 'assessmentEntry',
  ids: number[],
): Promise<Map<number, TAttachment[]>> {
  const byOwner = new Map<number, TAttachment[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byOwner;
  const ownerColumn =
    ownerKind === 'clue'
      ? attachments.clueId
      : ownerKind === 'suggestion'
        ? attachments.suggestionId
        : ownerKind === 'patrolFinding'
          ? attachments.patrolFindingId
          : ownerKind === 'assessmentEntry'
            ? attachments.assessmentEntryId
            : attachments.cooperationAgreementId;
  const rows = await db
    .select({
      ownerId: ownerColumn,
      id: attachments.id,
      clueId: attachments.clueId,
      suggestionId: attachments.suggestionId,
      patrolFindingId: attachments.patrolFindingId,
      cooperationAgreementId: attachments.cooperationAgreementId,
      assessmentEntryId: attachments.assessmentEntryId,
      purpose: attachments.purpose,
      fileName: attachments.fileName,
      kind: attachments.kind,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
      uploadedBy: attachments.uploadedBy,
      uploadedAt: attachments.uploadedAt,
      uploaderName: users.displayName,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(inArray(ownerColumn, ids))
    .orderBy(asc(attachments.id));
  for (const row of rows) byOwner.get(row.ownerId!)?.push(presentAttachment(row));
  return byOwner;
}
