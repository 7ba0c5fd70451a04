import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { checkAuditChain } from './check-audit-chain.ts';
import { listAudit } from './list-audit.ts';
import { ZAuditList, ZAuditQuery, ZAuditVerifyResult } from './schema.ts';

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
    (request) => checkAuditChain(database.db, callerOf(request)),
  );
}
