import { maxAttachmentBytes } from '@procura/domain/attachments/file-kinds';
import { ZAttachment, ZUploadQuery } from '../attachments/schema.ts';
import { audited } from '../audit/audit-read.ts';
import { DomainError } from '../errors.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { addressToOrganisation, createOrganisation, listOrganisations } from './organisations.ts';
import {
  listPortalSuggestions,
  openPortalSuggestion,
  replyOnPortal,
  storePortalAttachment,
} from './portal-suggestions.ts';
import {
  ZCreateOrganisationBody,
  ZOrganisationList,
  ZPortalParams,
  ZPortalReplyBody,
  ZPortalSuggestionDetail,
  ZPortalSuggestionList,
  ZRecipient,
  ZRecipientBody,
} from './schema.ts';

const tags = ['portal'];

/**
 * 外部单位门户: the admin's organisations, the caseworkers' addressing of a suggestion, and the
 * organisation's own /api/portal routes (its account reaches nothing else).
 */
export async function portalRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/organisations',
    {
      config: { access: 'organisation.list' },
      schema: { tags, summary: '外部单位名录', response: { 200: ZOrganisationList } },
    },
    () => listOrganisations(database.db),
  );

  app.post(
    '/api/organisations',
    {
      config: { access: 'organisation.manage' },
      schema: {
        tags,
        summary: '登记外部单位并绑定其账号',
        body: ZCreateOrganisationBody,
        response: { 201: ZOrganisationList },
      },
    },
    async (request, reply) => {
      await createOrganisation(database, { input: request.body, ...callerOf(request) });
      return reply.code(201).send(await listOrganisations(database.db));
    },
  );

  app.put(
    '/api/suggestions/:id/organisation',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '指定检察建议经门户送达的外部单位',
        params: ZPortalParams,
        body: ZRecipientBody,
        response: { 200: ZRecipient },
      },
    },
    (request) =>
      addressToOrganisation(database, {
        suggestionId: request.params.id,
        organisationId: request.body.organisationId,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/portal/suggestions',
    {
      config: { access: 'portal.read' },
      schema: { tags, summary: '外部单位：送达本单位的检察建议', response: { 200: ZPortalSuggestionList } },
    },
    (request) =>
      audited(database, listPortalSuggestions(database.db, currentUser(request)), (list) => ({
        ...callerOf(request),
        action: 'portal.suggestion.list',
        targetType: 'suggestion',
        ids: list.items.map((s) => s.id),
      })),
  );

  app.get(
    '/api/portal/suggestions/:id',
    {
      config: { access: 'portal.read' },
      schema: {
        tags,
        summary: '外部单位：查看检察建议（首次查看即电子送达，起算回复期限）',
        params: ZPortalParams,
        response: { 200: ZPortalSuggestionDetail },
      },
    },
    (request) => openPortalSuggestion(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.post(
    '/api/portal/suggestions/:id/reply',
    {
      config: { access: 'portal.reply' },
      schema: {
        tags,
        summary: '外部单位：在线回复检察建议',
        params: ZPortalParams,
        body: ZPortalReplyBody,
        response: { 200: ZPortalSuggestionDetail },
      },
    },
    (request) =>
      replyOnPortal(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/portal/suggestions/:id/attachments',
    {
      config: { access: 'portal.reply' },
      bodyLimit: maxAttachmentBytes + 1,
      schema: {
        tags,
        summary: '外部单位：上传回复附件（整改证据）',
        description: '请求体为文件内容（application/octet-stream），文件名放在 name 参数中。',
        params: ZPortalParams,
        querystring: ZUploadQuery,
        response: { 201: ZAttachment },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          '上传附件时请求体应为文件本身（Content-Type: application/octet-stream），文件名放在 name 参数中',
        );
      const stored = await storePortalAttachment(database, {
        id: request.params.id,
        fileName: request.query.name,
        bytes: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(stored);
    },
  );
}
