import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { ownerVisible, type TAttachmentOwner } from './owners.ts';

/** One file with its bytes, read by someone who reaches its owner; the read is audited. */
export async function readAttachment(
  database: Database,
  options: { owner: TAttachmentOwner; attachmentId: number; user: SessionUser; ip: string | null },
) {
  const { owner, attachmentId, user } = options;
  if (!(await ownerVisible(database.db, owner, user))) throw notFound('附件');
  const [file] = await database.db
    .select()
    .from(schema.attachments)
    .where(
      and(
        eq(schema.attachments.id, attachmentId),
        'clueId' in owner
          ? eq(schema.attachments.clueId, owner.clueId)
          : 'suggestionId' in owner
            ? eq(schema.attachments.suggestionId, owner.suggestionId)
            : 'assessmentEntryId' in owner
              ? eq(schema.attachments.assessmentEntryId, owner.assessmentEntryId)
              : eq(schema.attachments.patrolFindingId, owner.patrolFindingId),
      ),
    );
  if (!file) throw notFound('附件');
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'attachment.download',
      ...ownerTarget(owner),
      ip: options.ip,
      detail: { attachmentId, fileName: file.fileName },
    }),
  );
  return file;
}

function ownerTarget(owner: TAttachmentOwner): { targetType: string; targetId: number } {
  if ('clueId' in owner) return { targetType: 'clue', targetId: owner.clueId };
  if ('suggestionId' in owner) return { targetType: 'suggestion', targetId: owner.suggestionId };
  if ('assessmentEntryId' in owner)
    return { targetType: 'assessmentEntry', targetId: owner.assessmentEntryId };
  return { targetType: 'patrolFinding', targetId: owner.patrolFindingId };
}
