import { maxAttachmentBytes } from '@procura/domain/attachments/file-kinds';
import { ZAttachment, ZUploadQuery } from '../attachments/schema.ts';
import { audited } from '../audit/audit-read.ts';
import { DomainError } from '../errors.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { getCluePortalOrigin, writePortalFeedback } from './feedback.ts';
import { getPortalClue, listPortalClues, sendPortalClue, storePortalClueMaterial } from './portal-clues.ts';
import {
  ZCluePortalOrigin,
  ZPortalClueDetail,
  ZPortalClueList,
  ZPortalClueParams,
  ZPortalFeedbackBody,
  ZSendPortalClueBody,
} from './schema.ts';

const tags = ['portal-clues'];

/**
 * 外部单位门户·移送线索: an organisation sends clues and follows what became of its own
 * (/api/portal/clues); inside, a clue's readers see which organisation sent it and its deciders
 * write feedback to that organisation.
 */
export async function portalClueRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/portal/clues',
    {
      config: { access: 'portalClue.read' },
      schema: { tags, summary: '外部单位：本单位移送的线索及处理情况', response: { 200: ZPortalClueList } },
    },
    (request) =>
      audited(database, listPortalClues(database.db, currentUser(request)), (list) => ({
        ...callerOf(request),
        action: 'portal.clue.list',
        targetType: 'portalClue',
        ids: list.items.map((c) => c.id),
      })),
  );

  app.post(
    '/api/portal/clues',
    {
      config: { access: 'portalClue.send' },
      schema: {
        tags,
        summary: '外部单位：移送线索（材料随后逐个上传）',
        body: ZSendPortalClueBody,
        response: { 201: ZPortalClueDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendPortalClue(database, { input: request.body, ...callerOf(request) })),
  );

  app.get(
    '/api/portal/clues/:id',
    {
      config: { access: 'portalClue.read' },
      schema: {
        tags,
        summary: '外部单位：移送线索的处理决定、结果和反馈',
        params: ZPortalClueParams,
        response: { 200: ZPortalClueDetail },
      },
    },
    (request) =>
      audited(database, getPortalClue(database.db, request.params.id, currentUser(request)), () => ({
        ...callerOf(request),
        action: 'portal.clue.view',
        targetType: 'portalClue',
        targetId: request.params.id,
      })),
  );

  app.post(
    '/api/portal/clues/:id/attachments',
    {
      config: { access: 'portalClue.send' },
      bodyLimit: maxAttachmentBytes + 1,
      schema: {
        tags,
        summary: '外部单位：上传线索材料（证据）',
        description: '请求体为文件内容（application/octet-stream），文件名放在 name 参数中。',
        params: ZPortalClueParams,
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
      const stored = await storePortalClueMaterial(database, {
        id: request.params.id,
        fileName: request.query.name,
        bytes: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/clues/:id/portal',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '线索的门户来源：移送线索的外部单位及给它的反馈',
        params: ZIdParams,
        response: { 200: ZCluePortalOrigin },
      },
    },
    (request) => getCluePortalOrigin(database.db, request.params.id, currentUser(request)),
  );

  app.post(
    '/api/clues/:id/portal-feedback',
    {
      config: { access: 'clue.decide' },
      schema: {
        tags,
        summary: '向经门户移送线索的外部单位反馈（门户上显示日期和部门）',
        params: ZIdParams,
        body: ZPortalFeedbackBody,
        response: { 200: ZCluePortalOrigin },
      },
    },
    (request) =>
      writePortalFeedback(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
}
