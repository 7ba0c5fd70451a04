import { z } from 'zod';
import type { App, RouteDeps } from '../http/app-types.ts';

export async function healthRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await database.query('select 1');
      return { status: 'ok' as const, database: database.kind };
    },
  );
}
