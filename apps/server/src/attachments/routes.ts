import { maxAttachmentBytes } from '@procura/domain/attachments/file-kinds';
import { DomainError } from '../errors.ts';
import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import type { TAttachmentOwner } from './owners.ts';
import { readAttachment } from './read-attachment.ts';
import { ZAttachment, ZOwnerFileParams, ZUploadQuery } from './schema.ts';
import { storeAttachment } from './store-attachment.ts';

const tags = ['attachments'];

/** The raw bytes of an upload; anything else (a JSON body, a form) is refused with the way to send it. */
function uploadedBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    '上传附件时请求体应为文件本身（Content-Type: application/octet-stream），文件名放在 name 参数中',
  );
}

const uploadDescription = `一次上传一个文件：请求体为文件内容（application/octet-stream），文件名放在 name 参数中。允许 PDF、图片（JPEG/PNG）、Word、Excel、纯文本，单个文件不超过 ${maxAttachmentBytes / 1024 / 1024} MB；按文件内容识别类型。`;

export async function attachmentRoutes(app: App, { database }: RouteDeps) {
  const owners = [
    {
      path: 'clues',
      upload: { access: 'clue.create', summary: '上传线索材料' },
      read: 'clue.read',
      owner: (id: number): TAttachmentOwner => ({ clueId: id }),
    },
    {
      path: 'suggestions',
      upload: { access: 'suggestion.write', summary: '上传检察建议回复附件' },
      read: 'suggestion.read',
      owner: (id: number): TAttachmentOwner => ({ suggestionId: id }),
    },
    {
      path: 'patrol-findings',
      upload: { access: 'patrol.write', summary: '上传巡查发现截图' },
      read: 'patrol.read',
      owner: (id: number): TAttachmentOwner => ({ patrolFindingId: id }),
    },
    {
      path: 'assessment-entries',
      upload: { access: 'assessment.propose', summary: '上传考核条目的证明材料' },
      read: 'assessment.read',
      owner: (id: number): TAttachmentOwner => ({ assessmentEntryId: id }),
    },
    {
      path: 'cooperation-agreements',
      upload: { access: 'case.update', summary: '上传会签文件正文及附件' },
      read: 'case.read',
      owner: (id: number): TAttachmentOwner => ({ cooperationAgreementId: id }),
    },
  ] as const;

  for (const { path, upload, read, owner } of owners) {
    app.post(
      `/api/${path}/:id/attachments`,
      {
        config: { access: upload.access },
        // One byte over the limit still reaches the check that names the file.
        bodyLimit: maxAttachmentBytes + 1,
        schema: {
          tags,
          summary: upload.summary,
          description: uploadDescription,
          params: ZIdParams,
          querystring: ZUploadQuery,
          response: { 201: ZAttachment },
        },
      },
      async (request, reply) => {
        const stored = await storeAttachment(database, {
          owner: owner(request.params.id),
          fileName: request.query.name,
          bytes: uploadedBytes(request.body),
          ...callerOf(request),
        });
        return reply.status(201).send(stored);
      },
    );

    app.get(
      `/api/${path}/:id/attachments/:attachmentId`,
      {
        config: { access: read },
        schema: { tags, summary: '下载附件（记入审计日志）', params: ZOwnerFileParams },
      },
      async (request, reply) => {
        const file = await readAttachment(database, {
          owner: owner(request.params.id),
          attachmentId: request.params.attachmentId,
          ...callerOf(request),
        });
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('x-content-sha256', file.sha256)
          .send(file.content);
      },
    );
  }
}
