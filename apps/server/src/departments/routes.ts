import { z } from 'zod';
import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { listDepartments } from './list-departments.ts';
import { listHandlers } from './list-handlers.ts';
import { ZDepartment, ZHandler } from './schema.ts';

export async function departmentRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/departments',
    {
      config: { access: 'department.list' },
      schema: { tags: ['departments'], summary: '部门列表', response: { 200: z.array(ZDepartment) } },
    },
    () => listDepartments(database.db),
  );

  app.get(
    '/api/handlers',
    {
      config: { access: 'clue.read' },
      schema: { tags: ['departments'], summary: '可选承办人', response: { 200: z.array(ZHandler) } },
    },
    (request) => listHandlers(database.db, currentUser(request)),
  );
}
