import { z } from 'zod';
import type { App, RouteDeps } from '../http/app-types.ts';
import { listDepartments } from './list-departments.ts';
import { ZDepartment } from './schema.ts';

export async function departmentRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/departments',
    {
      config: { access: 'department.list' },
      schema: { tags: ['departments'], summary: '部门列表', response: { 200: z.array(ZDepartment) } },
    },
    () => listDepartments(database.db),
  );
}
