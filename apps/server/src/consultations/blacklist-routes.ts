import { z } from 'zod';
import { audited } from '../audit/audit-read.ts';
import { reachCase } from '../hearings/load.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParam } from '../http/ids.ts';
import { ZUploadResult } from '../models/schema.ts';
import {
  addReferral,
  confirmReferral,
  loadReferrals,
  ZConfirmationBody,
  ZReferralBody,
  ZReferrals,
} from './blacklist.ts';
import { exportBlacklistDataset } from './blacklist-dataset.ts';
import { requirePilCase } from './consultations.ts';

const tags = ['blacklist-referrals'];
const ZParams = z.strictObject({ id: ZIdParam });

/** 从业禁止黑名单: referrals of food operators to the regulator from a PIL case. */
export async function blacklistRoutes(app: App, { database }: RouteDeps) {
  app.post(
    '/api/blacklist-referrals/dataset',
    {
      config: { access: 'dataset.upload' },
      schema: {
        tags,
        summary: '将监管部门已确认的从业禁止黑名单生成为数据集（供 food-blacklist 模型运行使用）',
        response: {
          200: ZUploadResult.extend({ entries: z.number(), leftOut: z.number() }),
          201: ZUploadResult.extend({ entries: z.number(), leftOut: z.number() }),
        },
      },
    },
    async (request, reply) => {
      const result = await exportBlacklistDataset(database, callerOf(request));
      return reply.status(result.reused ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/cases/:id/blacklist-referrals',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '移送监管部门列入从业禁止黑名单的经营者（本部门以外隐去名称）',
        params: ZParams,
        response: { 200: ZReferrals },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = requirePilCase(await reachCase(database.db, request.params.id, user));
      return audited(database, loadReferrals(database.db, theCase, user), (result) =>
        result.referrals.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'blacklistReferral.view',
              targetType: 'case',
              targetId: theCase.id,
              detail: { referralIds: result.referrals.map((r) => r.id), masked: result.namesMasked },
            },
      );
    },
  );

  app.post(
    '/api/cases/:id/blacklist-referrals',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '移送严重失信食品经营者至监管部门',
        params: ZParams,
        body: ZReferralBody,
        response: { 200: ZReferrals },
      },
    },
    (request) => addReferral(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.put(
    '/api/blacklist-referrals/:id/confirmation',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记监管部门的确认及黑名单生效日期',
        params: ZParams,
        body: ZConfirmationBody,
        response: { 200: ZReferrals },
      },
    },
    (request) =>
      confirmReferral(database, { referralId: request.params.id, input: request.body, ...callerOf(request) }),
  );
}
