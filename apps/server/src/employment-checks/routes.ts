import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { checkDocument } from './check-documents.ts';
import { getCheck, listChecks } from './get-check.ts';
import { listOffenceRecordSets, loadOffenceRecords } from './load-offence-records.ts';
import {
  ZCheckBatchDetail,
  ZCheckBatchList,
  ZCheckQuery,
  ZDocumentParams,
  ZOffenceRecordSet,
  ZOffenceRecordSetList,
  ZUploadBody,
} from './schema.ts';
import { submitCheck } from './submit-check.ts';

const tags = ['employment-checks'];

export async function employmentCheckRoutes(app: App, { database }: RouteDeps) {
  app.post(
    '/api/employment-checks',
    {
      config: { access: 'employmentCheck.submit' },
      schema: {
        tags,
        summary:
          '入职查询：学校（幼儿园）账号上传新入职人员名单（.xlsx：姓名、身份证号、岗位），逐人返回结果',
        body: ZUploadBody,
        response: { 201: ZCheckBatchDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitCheck(database, { input: request.body, ...callerOf(request) })),
  );

  app.get(
    '/api/employment-checks',
    {
      config: { access: 'employmentCheck.read' },
      schema: {
        tags,
        summary: '入职查询记录（学校只见本校）',
        querystring: ZCheckQuery,
        response: { 200: ZCheckBatchList },
      },
    },
    (request) => listChecks(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/employment-checks/:id',
    {
      config: { access: 'employmentCheck.read' },
      schema: {
        tags,
        summary: '一次入职查询的逐人结果',
        params: ZIdParams,
        response: { 200: ZCheckBatchDetail },
      },
    },
    (request) =>
      audited(
        database,
        getCheck(database.db, { id: request.params.id, user: currentUser(request) }),
        (check) => ({
          ...callerOf(request),
          action: 'employmentCheck.view',
          targetType: 'employmentCheck',
          targetId: check.id,
          detail: { people: check.people.length },
        }),
      ),
  );

  app.get(
    '/api/employment-checks/:id/result.:format',
    {
      config: { access: 'employmentCheck.read' },
      schema: {
        tags,
        summary: '下载结果告知函（.docx，每人一页）或结果清单（.xlsx）',
        params: ZDocumentParams,
      },
    },
    async (request, reply) => {
      const file = await checkDocument(database, {
        id: request.params.id,
        format: request.params.format,
        ...callerOf(request),
      });
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', file.disposition)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  app.post(
    '/api/offence-record-sets',
    {
      config: { access: 'offenceRecords.load' },
      // A year of a district's records in .xlsx is a few MB; base64 adds a third.
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary:
          '载入入职查询比对用的违法犯罪记录（.xlsx：身份证号、姓名、罪名、日期），此后的查询以最新一份为准',
        body: ZUploadBody,
        response: { 201: ZOffenceRecordSet },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await loadOffenceRecords(database, {
          input: request.body,
          ...callerOf(request),
        }),
      ),
  );

  app.get(
    '/api/offence-record-sets',
    {
      config: { access: 'offenceRecords.load' },
      schema: {
        tags,
        summary: '已载入的比对记录（批次，不含明细）',
        response: { 200: ZOffenceRecordSetList },
      },
    },
    (request) => listOffenceRecordSets(database.db, currentUser(request)),
  );
}
