import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { loadWorkbench } from './load-workbench.ts';
import { ZWorkbench } from './schema.ts';

export async function workbenchRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/workbench',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['workbench'],
        summary: '工作台：待我处理的事项计数（各链接打开同一筛选的列表）',
        response: { 200: ZWorkbench },
      },
    },
    (request) => loadWorkbench(database.db, currentUser(request)),
  );
}
