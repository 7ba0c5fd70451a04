import { z } from 'zod';
import { actorOf } from '../audit/record-audit.ts';
import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { listDepartments } from './list-departments.ts';
import { listHandlers } from './list-handlers.ts';
import { ZDepartment, ZDepartmentSettingsBody, ZHandler } from './schema.ts';
import { updateDepartmentSettings } from './update-settings.ts';

export async function departmentRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/departments',
    {
      config: { access: 'department.list' },
      schema: { tags: ['departments'], summary: '部门列表', response: { 200: z.array(ZDepartment) } },
    },
    () => listDepartments(database.db),
  );

  app.patch(
    '/api/departments/:id/settings',
    {
      config: { access: 'department.settings' },
      schema: {
        tags: ['departments'],
        summary: '部门设置（线索评估期限、检察建议文号代字）',
        params: ZIdParams,
        body: ZDepartmentSettingsBody,
        response: { 200: ZDepartment },
      },
    },
    (request) =>
      updateDepartmentSettings(database, {
        id: request.params.id,
        input: request.body,
        actor: actorOf(currentUser(request)),
        ip: request.ip,
      }),
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
