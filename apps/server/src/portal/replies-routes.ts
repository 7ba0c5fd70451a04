import { z } from 'zod';
import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParam } from '../http/ids.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import { decideExtension, listExtensionRequests } from './extensions.ts';
import { bindAccount, unbindAccount } from './organisation-accounts.ts';
import { listOrganisations } from './organisations.ts';
import {
  getConsultationOrganisations,
  getPortalConsultation,
  listPortalConsultations,
  setConsultationOrganisations,
} from './portal-consultations.ts';
import { readPortalAttachment, requestExtensionOnPortal } from './portal-requests.ts';
import {
  ZConsultationOrganisations,
  ZConsultationOrganisationsBody,
  ZExtensionDecisionBody,
  ZExtensionParams,
  ZExtensionRequestBody,
  ZExtensionRequestList,
  ZPortalAttachmentParams,
  ZPortalConsultation,
  ZPortalConsultationList,
} from './replies-schema.ts';
import { ZOrganisationList, ZPortalParams, ZPortalSuggestionDetail } from './schema.ts';

const tags = ['portal'];

/**
 * 外部单位门户, the organisation's side of a suggestion: extension requests and their decision,
 * evidence downloads, the consultations it joined; and the admin's binding of accounts.
 */
export async function portalReplyRoutes(app: App, { database }: RouteDeps) {
  app.post(
    '/api/portal/suggestions/:id/extension',
    {
      config: { access: 'portal.reply' },
      schema: {
        tags,
        summary: '外部单位：申请延长回复期限（理由、拟延至日期）',
        params: ZPortalParams,
        body: ZExtensionRequestBody,
        response: { 200: ZPortalSuggestionDetail },
      },
    },
    (request) =>
      requestExtensionOnPortal(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/portal/suggestions/:id/attachments/:attachmentId',
    {
      config: { access: 'portal.read' },
      schema: { tags, summary: '外部单位：下载本单位上传的整改证据', params: ZPortalAttachmentParams },
    },
    async (request, reply) => {
      const file = await readPortalAttachment(database, {
        id: request.params.id,
        attachmentId: request.params.attachmentId,
        ...callerOf(request),
      });
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.get(
    '/api/portal/consultations',
    {
      config: { access: 'portal.read' },
      schema: { tags, summary: '外部单位：本单位参加的诉前磋商', response: { 200: ZPortalConsultationList } },
    },
    (request) =>
      audited(database, listPortalConsultations(database.db, currentUser(request)), (list) =>
        list.items.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'portal.consultation.list',
              targetType: 'consultation',
              ids: list.items.map((c) => c.id),
            },
      ),
  );

  app.get(
    '/api/portal/consultations/:id',
    {
      config: { access: 'portal.read' },
      schema: {
        tags,
        summary: '外部单位：查看本单位参加的诉前磋商',
        params: ZPortalParams,
        response: { 200: ZPortalConsultation },
      },
    },
    (request) =>
      audited(
        database,
        getPortalConsultation(database.db, request.params.id, currentUser(request)),
        (found) => ({
          ...callerOf(request),
          action: 'portal.consultation.view',
          targetType: 'consultation',
          targetId: found.consultation.id,
          detail: { organisationId: found.organisationId },
        }),
      ).then((found) => found.consultation),
  );

  app.get(
    '/api/suggestions/:id/extension-requests',
    {
      config: { access: 'suggestion.read' },
      schema: {
        tags,
        summary: '外部单位的延期回复申请及决定',
        params: ZPortalParams,
        response: { 200: ZExtensionRequestList },
      },
    },
    (request) => listExtensionRequests(database.db, request.params.id, currentUser(request)),
  );

  app.post(
    '/api/suggestion-extensions/:id/decision',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '决定延期回复申请（同意并确定新的回复期限，或不同意），附理由',
        params: ZExtensionParams,
        body: ZExtensionDecisionBody,
        response: { 200: ZExtensionRequestList },
      },
    },
    (request) =>
      decideExtension(database, { requestId: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/consultations/:id/organisations',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '诉前磋商关联的外部单位（在其门户可见）',
        params: ZPortalParams,
        response: { 200: ZConsultationOrganisations },
      },
    },
    (request) => getConsultationOrganisations(database.db, request.params.id, currentUser(request)),
  );

  app.put(
    '/api/consultations/:id/organisations',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '指定参加诉前磋商的外部单位（其门户可见磋商日期、达成意见、整改期限）',
        params: ZPortalParams,
        body: ZConsultationOrganisationsBody,
        response: { 200: ZConsultationOrganisations },
      },
    },
    (request) =>
      setConsultationOrganisations(database, {
        consultationId: request.params.id,
        organisationIds: request.body.organisationIds,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/organisations/:id/accounts',
    {
      config: { access: 'organisation.manage' },
      schema: {
        tags,
        summary: '为外部单位绑定账号（外部单位角色，每个账号只属一个单位）',
        params: ZPortalParams,
        body: z.strictObject({ username: z.string().trim().min(1, '请填写账号').max(100) }),
        response: { 200: ZOrganisationList },
      },
    },
    async (request) => {
      await bindAccount(database, {
        organisationId: request.params.id,
        username: request.body.username,
        ...callerOf(request),
      });
      return listOrganisations(database.db);
    },
  );

  app.delete(
    '/api/organisations/:id/accounts/:userId',
    {
      config: { access: 'organisation.manage' },
      schema: {
        tags,
        summary: '解除外部单位账号的绑定',
        params: z.strictObject({ id: ZIdParam, userId: ZIdParam }),
        response: { 200: ZOrganisationList },
      },
    },
    async (request) => {
      await unbindAccount(database, {
        organisationId: request.params.id,
        userId: request.params.userId,
        ...callerOf(request),
      });
      return listOrganisations(database.db);
    },
  );
}
