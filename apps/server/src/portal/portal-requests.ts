import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { requestExtension } from './extensions.ts';
import { detail, lockOwn } from './portal-suggestions.ts';
import type { TExtensionRequestBody } from './replies-schema.ts';
import type { TPortalSuggestionDetail } from './schema.ts';

/** 延期申请 from the portal, on a suggestion of the caller's organisation that it has opened. */
export async function requestExtensionOnPortal(
  database: Database,
  options: { id: number; input: TExtensionRequestBody; user: SessionUser; ip: string | null },
): Promise<TPortalSuggestionDetail> {
  await database.db.transaction(async (tx) => {
    const { suggestion, recipient, organisationName } = await lockOwn(tx, options.id, options.user);
    if (recipient.readAt === null) throw notFound('检察建议');
    await requestExtension(tx, {
      suggestion,
      organisationId: recipient.organisationId,
      organisationName,
      input: options.input,
      user: options.user,
      ip: options.ip,
    });
  });
  return detail(database.db, options.id);
}

/**
 * One evidence file the organisation sent with its reply, downloaded back from the portal; a file
 * of another suggestion, of another organisation or of the procuratorate answers 404 like a missing one.
 */
export async function readPortalAttachment(
  database: Database,
  options: { id: number; attachmentId: number; user: SessionUser; ip: string | null },
) {
  const { id, attachmentId, user } = options;
  return database.db.transaction(async (tx) => {
    const { recipient } = await lockOwn(tx, id, user);
    const [file] = await tx
      .select({ file: schema.attachments })
      .from(schema.attachments)
      .innerJoin(
        schema.organisationAccounts,
        eq(schema.organisationAccounts.userId, schema.attachments.uploadedBy),
      )
      .where(
        and(
          eq(schema.attachments.id, attachmentId),
          eq(schema.attachments.suggestionId, id),
          eq(schema.organisationAccounts.organisationId, recipient.organisationId),
        ),
      );
    if (!file) throw notFound('附件');
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'portal.attachment.download',
      targetType: 'suggestion',
      targetId: id,
      ip: options.ip,
      detail: { attachmentId, fileName: file.file.fileName },
    });
    return file.file;
  });
}
