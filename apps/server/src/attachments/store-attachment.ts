import { createHash } from 'node:crypto';
import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { checkAttachment } from '@procura/domain/attachments/file-kinds';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { officeFileProblem } from './check-office.ts';
import { lockOwnerForUpload, type TAttachmentOwner } from './owners.ts';
import { presentAttachment } from './present-attachment.ts';
import type { TAttachment } from './schema.ts';

/** Saves one uploaded file on its owner, after checking its size and that its bytes are what its name says. */
export async function storeAttachment(
  database: Database,
  options: {
    owner: TAttachmentOwner;
    fileName: string;
    bytes: Buffer;
    user: SessionUser;
    ip: string | null;
    /** Locks and checks the owner; the caseworkers' reach unless a module reaches it its own way (the portal). */
    lock?: (tx: Executor) => Promise<Awaited<ReturnType<typeof lockOwnerForUpload>>>;
  },
): Promise<TAttachment> {
  const { owner, bytes, user } = options;
  const fileName = options.fileName.trim();
  const check = checkAttachment(fileName, bytes);
  if (!check.ok) throw new DomainError('VALIDATION', check.message, { fileName });
  const officeProblem = officeFileProblem(fileName, check.kind, bytes);
  if (officeProblem) throw new DomainError('VALIDATION', officeProblem, { fileName });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = await database.db.transaction(async (tx) => {
    const target = options.lock ? await options.lock(tx) : await lockOwnerForUpload(tx, owner, user);
    const [inserted] = await tx
      .insert(schema.attachments)
      .values({
        ...owner,
        purpose: target.purpose,
        fileName,
        kind: check.kind,
        mime: check.mime,
        size: bytes.length,
        sha256,
        content: bytes,
        uploadedBy: user.id,
        uploadedAt: now(),
      })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'attachment.upload',
      targetType: target.targetType,
      targetId: target.targetId,
      ip: options.ip,
      detail: { attachmentId: inserted!.id, fileName, size: bytes.length, sha256 },
    });
    return inserted!;
  });
  return presentAttachment({ ...row, uploaderName: user.displayName });
}
