import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { addFinding, createPatrol, getPatrol, listPatrols, makeClues } from './patrols.ts';
import {
  ZAddFindingBody,
  ZCreatePatrolBody,
  ZMakeCluesBody,
  ZMakeCluesResult,
  ZPatrol,
  ZPatrolList,
} from './schema.ts';

const tags = ['patrols'];

export async function patrolRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/patrols',
    {
      config: { access: 'patrol.read' },
      schema: { tags, summary: '网络巡查记录（本部门）', response: { 200: ZPatrolList } },
    },
    (request) => listPatrols(database.db, currentUser(request)),
  );

  app.post(
    '/api/patrols',
    {
      config: { access: 'patrol.write' },
      schema: {
        tags,
        summary: '登记网络巡查（网络餐饮平台 / 药品网络销售），可同时登记发现',
        body: ZCreatePatrolBody,
        response: { 201: ZPatrol },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPatrol(database, request.body, callerOf(request))),
  );

  app.get(
    '/api/patrols/:id',
    {
      config: { access: 'patrol.read' },
      schema: {
        tags,
        summary: '一次巡查及其发现（标出同一店铺的重复发现）',
        params: ZIdParams,
        response: { 200: ZPatrol },
      },
    },
    (request) =>
      audited(database, getPatrol(database.db, request.params.id, currentUser(request)), (patrol) => ({
        ...callerOf(request),
        action: 'patrol.view',
        targetType: 'patrol',
        targetId: patrol.id,
        detail: { findings: patrol.findings.length },
      })),
  );

  app.post(
    '/api/patrols/:id/findings',
    {
      config: { access: 'patrol.write' },
      schema: {
        tags,
        summary: '添加巡查发现',
        params: ZIdParams,
        body: ZAddFindingBody,
        response: { 201: ZPatrol },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addFinding(database, request.params.id, request.body, callerOf(request))),
  );

  app.post(
    '/api/patrols/:id/clues',
    {
      config: { access: 'patrol.makeClues' },
      schema: {
        tags,
        summary: '生成线索：所选发现每条登记为一条线索（全部成功或全部不生成）',
        params: ZIdParams,
        body: ZMakeCluesBody,
        response: { 201: ZMakeCluesResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await makeClues(database, request.params.id, request.body, callerOf(request))),
  );
}
