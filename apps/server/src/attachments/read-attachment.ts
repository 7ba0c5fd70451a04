import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { ownerKey, ownerVisible, type TAttachmentOwner } from './owners.ts';

/** One file with its bytes, read by someone who reaches its owner; the read is audited. */
export async function readAttachment(
  database: Database,
  options: { owner: TAttachmentOwner; attachmentId: number; user: SessionUser; ip: string | null },
) {
  const { owner, attachmentId, user } = options;
  if (!(await ownerVisible(database.db, owner, user))) throw notFound('附件');
  const key = ownerKey(owner);
  const [file] = await database.db
    .select()
    .from(schema.attachments)
    .where(and(eq(schema.attachments.id, attachmentId), eq(key.column, key.id)));
  if (!file) throw notFound('附件');
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'attachment.download',
      targetType: key.targetType,
      targetId: key.id,
      ip: options.ip,
      detail: { attachmentId, fileName: file.fileName },
    }),
  );
  return file;
}
