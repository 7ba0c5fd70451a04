import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { decideAccountRequest, listAccountRequests } from './account-requests.ts';
import {
  ZAccountRequestDecided,
  ZAccountRequestDecision,
  ZAccountRequestIdParams,
  ZAccountRequestList,
  ZAccountRequestQuery,
} from './schema.ts';

const tags = ['account-requests'];

export async function accountRequestRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/account-requests',
    {
      config: { access: 'accountRequest.read' },
      schema: {
        tags,
        summary: '领导账号审批（创建、变更为领导角色、重置密码）',
        querystring: ZAccountRequestQuery,
        response: { 200: ZAccountRequestList },
      },
    },
    async (request) => ({ items: await listAccountRequests(database.db, request.query.status) }),
  );

  app.post(
    '/api/account-requests/:id/decision',
    {
      config: { access: 'accountRequest.decide' },
      schema: {
        tags,
        summary: '检察长审批领导账号申请（批准时生成的密码仅显示这一次）',
        params: ZAccountRequestIdParams,
        body: ZAccountRequestDecision,
        response: { 200: ZAccountRequestDecided },
      },
    },
    (request) =>
      decideAccountRequest(database, {
        id: request.params.id,
        decision: request.body,
        ...callerOf(request),
      }),
  );
}
