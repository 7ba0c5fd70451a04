import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { listAudit } from './list-audit.ts';
import { actorOf, recordAudit } from './record-audit.ts';
import { ZAuditList, ZAuditQuery, ZAuditVerifyResult } from './schema.ts';
import { verifyAudit } from './verify-audit.ts';

const tags = ['audit'];

export async function auditRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.list' },
      schema: { tags, summary: '审计日志', querystring: ZAuditQuery, response: { 200: ZAuditList } },
    },
    (request) => listAudit(database.db, request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.verify' },
      schema: { tags, summary: '校验审计链', response: { 200: ZAuditVerifyResult } },
    },
    async (request) => {
      const result = await verifyAudit(database.db);
      // Who checked the chain, and what they were told, is itself on the record.
      await database.db.transaction((tx) =>
        recordAudit(tx, {
          actor: actorOf(currentUser(request)),
          action: 'audit.verify',
          ip: request.ip,
          detail: { ok: result.ok, checked: result.checked, brokenId: result.broken?.id ?? null },
        }),
      );
      return result;
    },
  );
}
