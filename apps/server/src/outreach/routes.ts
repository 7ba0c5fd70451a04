import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { prepareOutreachExport } from './export-outreach.ts';
import { createOutreachEvent, listOutreachEvents, updateOutreachEvent } from './outreach-events.ts';
import {
  ZOutreachBody,
  ZOutreachEvent,
  ZOutreachFilter,
  ZOutreachList,
  ZOutreachPatch,
  ZOutreachQuery,
} from './schema.ts';

const tags = ['outreach'];

export async function outreachRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/outreach-events',
    {
      config: { access: 'outreach.read' },
      schema: {
        tags,
        summary: '法治宣传活动（法治进校园、小小检察官体验、进社区）',
        querystring: ZOutreachQuery,
        response: { 200: ZOutreachList },
      },
    },
    (request) => listOutreachEvents(database.db, request.query),
  );

  app.get(
    '/api/outreach-events/export',
    {
      config: { access: 'outreach.read' },
      schema: {
        tags,
        summary: '导出法治宣传活动（.xlsx，筛选条件同列表，记入审计日志）',
        querystring: ZOutreachFilter,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await prepareOutreachExport(database.db, { query: request.query, ...callerOf(request) }),
      ),
  );

  app.post(
    '/api/outreach-events',
    {
      config: { access: 'outreach.write' },
      schema: { tags, summary: '登记法治宣传活动', body: ZOutreachBody, response: { 201: ZOutreachEvent } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createOutreachEvent(database, {
          input: request.body,
          ...callerOf(request),
        }),
      ),
  );

  app.patch(
    '/api/outreach-events/:id',
    {
      config: { access: 'outreach.write' },
      schema: {
        tags,
        summary: '修改法治宣传活动（本部门登记的）',
        params: ZIdParams,
        body: ZOutreachPatch,
        response: { 200: ZOutreachEvent },
      },
    },
    (request) =>
      updateOutreachEvent(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
