import { chinaDate } from '@procura/domain/china-time';
import { auditRead } from '../audit/audit-read.ts';
import { now } from '../clock.ts';
import { notFound } from '../errors.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { approveSuggestion, returnSuggestion } from './approve-suggestion.ts';
import { draftSuggestion } from './draft-suggestion.ts';
import { exportSuggestions } from './export-suggestions.ts';
import { generateSuggestionDocument } from './generate-suggestion-document.ts';
import { attachment, getCaseDocument } from './get-case-document.ts';
import { getSuggestion } from './get-suggestion.ts';
import { issueSuggestion } from './issue-suggestion.ts';
import { listSuggestions } from './list-suggestions.ts';
import { recordDelivery } from './record-delivery.ts';
import { recordRectification } from './record-rectification.ts';
import { recordReply } from './record-reply.ts';
import {
  ZApproveBody,
  ZDeliveryBody,
  ZDraftSuggestionBody,
  ZRectificationBody,
  ZReplyBody,
  ZReturnBody,
  ZSuggestion,
  ZSuggestionList,
  ZSuggestionQuery,
  ZUpdateSuggestionBody,
} from './schema.ts';
import { submitSuggestion } from './submit-suggestion.ts';
import { updateSuggestion } from './update-suggestion.ts';

const tags = ['suggestions'];
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function suggestionRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/suggestions',
    {
      config: { access: 'suggestion.read' },
      schema: {
        tags,
        summary: '检察建议列表',
        querystring: ZSuggestionQuery,
        response: { 200: ZSuggestionList },
      },
    },
    (request) => listSuggestions(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/suggestions/export',
    {
      config: { access: 'suggestion.read' },
      schema: { tags, summary: '导出检察建议列表（.xlsx）', querystring: ZSuggestionQuery },
    },
    async (request, reply) => {
      const { page: _page, pageSize: _size, ...query } = request.query;
      const file = await exportSuggestions(database.db, query, currentUser(request));
      return reply
        .header('content-type', xlsxMime)
        .header('content-disposition', attachment(`检察建议列表-${chinaDate(now())}.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/api/suggestions/:id',
    {
      config: { access: 'suggestion.read' },
      schema: { tags, summary: '检察建议详情', params: ZIdParams, response: { 200: ZSuggestion } },
    },
    async (request) =>
      (await getSuggestion(database.db, request.params.id, currentUser(request))) ??
      Promise.reject(notFound('检察建议')),
  );

  app.post(
    '/api/suggestions',
    {
      config: { access: 'suggestion.write' },
      schema: { tags, summary: '起草检察建议', body: ZDraftSuggestionBody, response: { 201: ZSuggestion } },
    },
    async (request, reply) => {
      const result = await draftSuggestion(database, {
        input: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/suggestions/:id',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '修改检察建议草稿',
        params: ZIdParams,
        body: ZUpdateSuggestionBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      updateSuggestion(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  const step = (
    path: string,
    access: 'suggestion.write' | 'suggestion.issue',
    summary: string,
    run: typeof submitSuggestion,
  ) =>
    app.post(
      `/api/suggestions/:id/${path}`,
      { config: { access }, schema: { tags, summary, params: ZIdParams, response: { 200: ZSuggestion } } },
      (request) => run(database, { id: request.params.id, ...callerOf(request) }),
    );
  step('submit', 'suggestion.write', '提请审批', submitSuggestion);
  step('issue', 'suggestion.issue', '签发（分配文号，生成并归档检察建议书）', issueSuggestion);
  step('document', 'suggestion.write', '生成检察建议书（.docx）并归档', generateSuggestionDocument);

  app.post(
    '/api/suggestions/:id/approve',
    {
      config: { access: 'suggestion.approve' },
      schema: {
        tags,
        summary: '审批同意',
        params: ZIdParams,
        body: ZApproveBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      approveSuggestion(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/suggestions/:id/return',
    {
      config: { access: 'suggestion.approve' },
      schema: {
        tags,
        summary: '审批退回（须写明理由，退回后为草稿，承办人修改后重新提请）',
        params: ZIdParams,
        body: ZReturnBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      returnSuggestion(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/suggestions/:id/delivery',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '记录送达（起算回复期限）',
        params: ZIdParams,
        body: ZDeliveryBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      recordDelivery(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/suggestions/:id/reply',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '记录书面回复',
        params: ZIdParams,
        body: ZReplyBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      recordReply(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/suggestions/:id/rectification',
    {
      config: { access: 'suggestion.write' },
      schema: {
        tags,
        summary: '记录整改情况与后续措施',
        params: ZIdParams,
        body: ZRectificationBody,
        response: { 200: ZSuggestion },
      },
    },
    (request) =>
      recordRectification(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/case-documents/:id',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: '下载案件文书', params: ZIdParams },
    },
    async (request, reply) => {
      const document = await getCaseDocument(database.db, request.params.id, currentUser(request));
      if (!document) throw notFound('文书');
      await auditRead(database, {
        ...callerOf(request),
        action: 'caseDocument.download',
        targetType: 'caseDocument',
        targetId: document.id,
        detail: { caseId: document.caseId },
      });
      return reply
        .header('content-type', document.mime)
        .header('content-disposition', attachment(document.name))
        .header('x-content-sha256', document.sha256)
        .send(document.content);
    },
  );
}
