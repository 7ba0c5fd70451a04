import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { criminalClueFunnel } from './funnel.ts';
import { getCriminalOrigin, setCriminalOrigin } from './origin.ts';
import { loadAdminViolation, reachViolationCase, recordFollowUp, updateAdminViolation } from './record.ts';
import {
  ZAdminViolation,
  ZAdminViolationBody,
  ZCriminalOriginBody,
  ZCriminalOriginResult,
  ZFollowUpBody,
  ZFunnel,
  ZFunnelQuery,
  ZIdParams,
} from './schema.ts';

const tags = ['admin-violation'];

/** 行政违法行为监督: clues from criminal cases, the 刑检 → 立案 funnel, and a 行违 case's record. */
export async function adminViolationRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/clues/:id/criminal-origin',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '线索的来源刑事案件（案号、发现情形）',
        params: ZIdParams,
        response: { 200: ZCriminalOriginResult },
      },
    },
    (request) => getCriminalOrigin(database.db, request.params.id, currentUser(request)),
  );

  app.put(
    '/api/clues/:id/criminal-origin',
    {
      config: { access: 'clue.decide' },
      schema: {
        tags,
        summary: '注明线索来源的刑事案件（刑检部门的线索或刑检移送的线索）；移送时随线索一并移送',
        params: ZIdParams,
        body: ZCriminalOriginBody,
        response: { 200: ZCriminalOriginResult },
      },
    },
    (request) =>
      setCriminalOrigin(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/admin-violation/criminal-clue-funnel',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary:
          '刑检移送线索 → 立案：期间内刑事检察部门移送本部门（院领导：各民事行政检察部门）的线索及其立案数',
        querystring: ZFunnelQuery,
        response: { 200: ZFunnel },
      },
    },
    (request) => criminalClueFunnel(database.db, currentUser(request), request.query),
  );

  app.get(
    '/api/cases/:id/admin-violation',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '行政违法行为监督：行政机关、被监督的行政行为、违法情形、检察建议及纠正结果',
        params: ZIdParams,
        response: { 200: ZAdminViolation },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = await reachViolationCase(database.db, request.params.id, user);
      return loadAdminViolation(database.db, theCase, user);
    },
  );

  app.put(
    '/api/cases/:id/admin-violation',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '填写行政机关、被监督的行政行为、违法情形，关联向行政机关提出的检察建议',
        params: ZIdParams,
        body: ZAdminViolationBody,
        response: { 200: ZAdminViolation },
      },
    },
    (request) =>
      updateAdminViolation(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.put(
    '/api/cases/:id/admin-violation/follow-up',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '跟进监督：记录行政机关的纠正结果和日期（检察建议送达之后）',
        params: ZIdParams,
        body: ZFollowUpBody,
        response: { 200: ZAdminViolation },
      },
    },
    (request) =>
      recordFollowUp(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
}
