import { actorOf, recordAudit } from '../audit/record-audit.ts';
import { exportFileName, sendXlsx } from '../export/send-xlsx.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import {
  createOutreachEvent,
  listOutreachEvents,
  loadOutreachEvents,
  outreachWhere,
  updateOutreachEvent,
} from './outreach-events.ts';
import {
  type TOutreachEvent,
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
    async (request, reply) => {
      const user = currentUser(request);
      const rows = await loadOutreachEvents(database.db, outreachWhere(request.query));
      await database.db.transaction((tx) =>
        recordAudit(tx, {
          actor: actorOf(user),
          action: 'outreach.export',
          targetType: 'outreachEvent',
          ip: request.ip,
          detail: { filter: request.query, rows: rows.length },
        }),
      );
      return sendXlsx<TOutreachEvent>(reply, {
        fileName: exportFileName('法治宣传活动'),
        asciiFileName: exportFileName('outreach-events'),
        sheet: {
          sheetName: '法治宣传活动',
          columns: [
            { header: '日期', value: (r) => r.heldOn, kind: 'date' },
            { header: '类别', value: (r) => r.kindLabel },
            { header: '活动名称', value: (r) => r.title },
            { header: '地点', value: (r) => r.place },
            { header: '参加对象', value: (r) => r.audience },
            { header: '人数', value: (r) => r.participantCount, kind: 'number' },
            { header: '对接学校', value: (r) => r.school?.name ?? '' },
            { header: '宣传材料', value: (r) => r.materials },
            { header: '登记部门', value: (r) => r.department.name },
            { header: '登记人', value: (r) => r.createdBy },
          ],
          rows,
        },
      });
    },
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
