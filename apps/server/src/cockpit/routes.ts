import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { buildCockpit } from './build-cockpit.ts';
import { metricGroups } from './metrics/index.ts';
import { ZCockpit, ZCockpitQuery, ZMetricDefinitions, ZStatisticsQuery } from './schema.ts';
import { prepareStatisticsTable } from './statistics-tables.ts';

const tags = ['cockpit'];

/** 检察长驾驶舱 and 统计报表: figures by the one set of metric definitions (cockpit/metrics). */
export async function cockpitRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cockpit',
    {
      config: { access: 'cockpit.read' },
      schema: {
        tags,
        summary:
          '检察长驾驶舱：期间 [from, to) 的各项数字及去年同期，每项附口径和对应列表的筛选条件（检察长、副检察长看全院，部门负责人看本部门）',
        querystring: ZCockpitQuery,
        response: { 200: ZCockpit },
      },
    },
    (request) => buildCockpit(database.db, currentUser(request), request.query),
  );

  app.get(
    '/api/cockpit/metrics',
    {
      config: { access: 'cockpit.read' },
      schema: { tags, summary: '统计口径：每项数字的名称和定义', response: { 200: ZMetricDefinitions } },
    },
    () =>
      metricGroups.flatMap((group) =>
        group.metrics.map((m) => ({
          group: group.title,
          id: m.id,
          name: m.name,
          definition: m.definition,
          unit: m.unit,
        })),
      ),
  );

  app.get(
    '/api/cockpit/statistics',
    {
      config: { access: 'cockpit.read' },
      schema: {
        tags,
        summary:
          '统计报表（.xlsx）：期间 [from, to) 按部门、业务条线或承办检察官分列各项数字及去年同期，口径同驾驶舱',
        querystring: ZStatisticsQuery,
      },
    },
    async (request, reply) => {
      const prepared = await prepareStatisticsTable(database.db, {
        query: request.query,
        ...callerOf(request),
      });
      return sendXlsx(reply, prepared);
    },
  );
}
