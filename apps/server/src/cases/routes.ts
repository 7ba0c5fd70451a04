import { notFound } from '../errors.ts';
import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { getCase } from './get-case.ts';
import { listCases } from './list-cases.ts';
import { prepareCaseExport } from './list-cases-export.ts';
import { openCase } from './open-case.ts';
import { recordCaseEvent } from './record-case-event.ts';
import { recordOutcome } from './record-outcome.ts';
import {
  ZCaseDetail,
  ZCaseExportQuery,
  ZCaseIdParams,
  ZCaseList,
  ZCaseQuery,
  ZOpenCaseBody,
  ZRecordEventBody,
  ZRecordOutcomeBody,
  ZTransitionBody,
} from './schema.ts';
import { transitionCase } from './transition-case.ts';

const tags = ['cases'];

export async function caseRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '案件列表（本部门及分配给我的）',
        querystring: ZCaseQuery,
        response: { 200: ZCaseList },
      },
    },
    (request) => listCases(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/cases/export',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '导出案件列表（.xlsx，筛选条件同列表，不分页，最多 100,000 条，记入审计日志）',
        querystring: ZCaseExportQuery,
      },
    },
    async (request, reply) => {
      const { fileName, asciiFileName, sheet } = await prepareCaseExport(database.db, {
        query: request.query,
        ...callerOf(request),
      });
      return sendXlsx(reply, { fileName, asciiFileName, sheet });
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '案件详情：时间线、关联线索、成效',
        params: ZCaseIdParams,
        response: { 200: ZCaseDetail },
      },
    },
    async (request) =>
      (await getCase(database.db, request.params.id, currentUser(request))) ??
      Promise.reject(notFound('案件')),
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'case.create' },
      schema: { tags, summary: '立案（分配案号）', body: ZOpenCaseBody, response: { 201: ZCaseDetail } },
    },
    async (request, reply) => {
      const result = await openCase(database, {
        input: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { access: 'case.transition' },
      schema: {
        tags,
        summary: '变更案件阶段',
        params: ZCaseIdParams,
        body: ZTransitionBody,
        response: { 200: ZCaseDetail },
      },
    },
    (request) =>
      transitionCase(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/events',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '记录办案事项',
        params: ZCaseIdParams,
        body: ZRecordEventBody,
        response: { 200: ZCaseDetail },
      },
    },
    (request) =>
      recordCaseEvent(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/outcomes',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '记录办案成效',
        params: ZCaseIdParams,
        body: ZRecordOutcomeBody,
        response: { 200: ZCaseDetail },
      },
    },
    (request) =>
      recordOutcome(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
