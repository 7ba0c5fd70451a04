import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { reassignRecords } from './reassign-records.ts';
import { ZReassignBody, ZReassignResult } from './schema.ts';

export async function reassignmentRoutes(app: App, { database }: RouteDeps) {
  app.post(
    '/api/reassignments',
    {
      config: { access: 'record.reassign' },
      schema: {
        tags: ['reassignment'],
        summary: '改派线索和案件承办人（期限不变，通知新承办人）',
        body: ZReassignBody,
        response: { 200: ZReassignResult },
      },
    },
    (request) => reassignRecords(database, { input: request.body, ...callerOf(request) }),
  );
}
