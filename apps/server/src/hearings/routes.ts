import { z } from 'zod';
import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { addMeeting, disputeStatistics, recordDisputeOutcome, updateDispute } from './disputes.ts';
import {
  addNotice,
  chooseHearingOfficer,
  createHearing,
  drawHearingOfficers,
  listPublished,
  publishHearing,
  recordOpinion,
  updateHearing,
} from './hearings.ts';
import {
  loadCaseHearings,
  loadDispute,
  loadHearing,
  reachCase,
  reachHearing,
  requireDisputeCase,
} from './load.ts';
import { generateMinutes } from './minutes-document.ts';
import { createOfficer, listOfficers, updateOfficer } from './officers.ts';
import {
  ZCaseParams,
  ZChooseBody,
  ZDispute,
  ZDisputeBody,
  ZDrawBody,
  ZDrawResult,
  ZHearing,
  ZHearingBody,
  ZHearingList,
  ZHearingParams,
  ZHearingPatch,
  ZMeetingBody,
  ZNoticeBody,
  ZOfficer,
  ZOfficerBody,
  ZOfficerList,
  ZOfficerParams,
  ZOfficerPatch,
  ZOpinionBody,
  ZOutcomeBody,
  ZPanelParams,
  ZPublishedList,
  ZStatistics,
  ZStatisticsQuery,
} from './schema.ts';

const tags = ['hearings'];

/** 公开听证 (any case), the 听证员 pool, and 行政争议实质性化解 (行化立 cases). */
export async function hearingRoutes(app: App, { database }: RouteDeps) {
  // ─── 听证员库 ───
  app.get(
    '/api/hearing-officers',
    {
      config: { access: 'hearingOfficer.read' },
      schema: {
        tags,
        summary: '听证员库（含联系方式和申报的关系，每次查看记入审计）',
        response: { 200: ZOfficerList },
      },
    },
    async (request) =>
      audited(database, listOfficers(database), (list) =>
        list.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'hearingOfficer.view',
              targetType: 'hearingOfficer',
              ids: list.map((o) => o.id),
            },
      ),
  );
  app.post(
    '/api/hearing-officers',
    {
      config: { access: 'hearingOfficer.manage' },
      schema: {
        tags,
        summary: '登记听证员（姓名、职业、工作单位、联系方式、申报的关系）',
        body: ZOfficerBody,
        response: { 200: ZOfficer },
      },
    },
    (request) => createOfficer(database, { input: request.body, ...callerOf(request) }),
  );
  app.patch(
    '/api/hearing-officers/:id',
    {
      config: { access: 'hearingOfficer.manage' },
      schema: {
        tags,
        summary: '修改听证员，或停用（active: false）',
        params: ZOfficerParams,
        body: ZOfficerPatch,
        response: { 200: ZOfficer },
      },
    },
    (request) =>
      updateOfficer(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  // ─── 公开听证 ───
  app.get(
    '/api/cases/:id/hearings',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '案件的公开听证（本部门以外当事人姓名隐去）',
        params: ZCaseParams,
        response: { 200: ZHearingList },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = await reachCase(database.db, request.params.id, user);
      return audited(database, loadCaseHearings(database.db, theCase, user), (list) =>
        list.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'hearing.view',
              targetType: 'case',
              targetId: theCase.id,
              detail: { hearingIds: list.map((h) => h.id), masked: list[0]!.namesMasked },
            },
      );
    },
  );
  app.post(
    '/api/cases/:id/hearings',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记公开听证：听证事项、日期、地点、参加人',
        params: ZCaseParams,
        body: ZHearingBody,
        response: { 200: ZHearing },
      },
    },
    (request) =>
      createHearing(database, { caseId: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.get(
    '/api/hearings/published',
    {
      config: { access: 'hearing.readPublished' },
      schema: { tags, summary: '已公开的听证（当事人姓名隐去）', response: { 200: ZPublishedList } },
    },
    () => listPublished(database),
  );
  app.get(
    '/api/hearings/:id',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: '一次听证', params: ZHearingParams, response: { 200: ZHearing } },
    },
    async (request) => {
      const user = currentUser(request);
      const { theCase } = await reachHearing(database.db, request.params.id, user);
      return audited(database, loadHearing(database.db, request.params.id, theCase, user), (h) => ({
        ...callerOf(request),
        action: 'hearing.view',
        targetType: 'case',
        targetId: theCase.id,
        detail: { hearingIds: [h.id], masked: h.namesMasked },
      }));
    },
  );
  app.patch(
    '/api/hearings/:id',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '修改听证：事项、日期、地点、参加人、听证经过（笔录）、意见采纳情况',
        params: ZHearingParams,
        body: ZHearingPatch,
        response: { 200: ZHearing },
      },
    },
    (request) =>
      updateHearing(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.post(
    '/api/hearings/:id/draw',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '从听证员库随机抽取听证员（记录种子和候选名单；与当事人有利害关系者排除）',
        params: ZHearingParams,
        body: ZDrawBody,
        response: { 200: ZDrawResult },
      },
    },
    (request) =>
      drawHearingOfficers(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.post(
    '/api/hearings/:id/officers/:officerId',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '指定听证员（须说明理由；与当事人有利害关系的，拒绝并写明关系）',
        params: ZPanelParams,
        body: ZChooseBody,
        response: { 200: ZHearing },
      },
    },
    (request) =>
      chooseHearingOfficer(database, {
        id: request.params.id,
        officerId: request.params.officerId,
        reason: request.body.reason,
        ...callerOf(request),
      }),
  );
  app.put(
    '/api/hearings/:id/officers/:officerId/opinion',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '记录听证员意见',
        params: ZPanelParams,
        body: ZOpinionBody,
        response: { 200: ZHearing },
      },
    },
    (request) =>
      recordOpinion(database, {
        id: request.params.id,
        officerId: request.params.officerId,
        opinion: request.body.opinion,
        ...callerOf(request),
      }),
  );
  app.post(
    '/api/hearings/:id/notices',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记听证通知（发出日期不得晚于听证日期）',
        params: ZHearingParams,
        body: ZNoticeBody,
        response: { 200: ZHearing },
      },
    },
    (request) => addNotice(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.post(
    '/api/hearings/:id/minutes-document',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '生成听证笔录（.docx，公文格式），存入案件文书',
        params: ZHearingParams,
        response: { 200: z.object({ documentId: z.number(), hearing: ZHearing }) },
      },
    },
    (request) => generateMinutes(database, { id: request.params.id, ...callerOf(request) }),
  );
  app.post(
    '/api/hearings/:id/publish',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '公开听证情况（当事人姓名隐去）',
        params: ZHearingParams,
        response: { 200: ZHearing },
      },
    },
    (request) => publishHearing(database, { id: request.params.id, ...callerOf(request) }),
  );

  // ─── 行政争议实质性化解 ───
  app.get(
    '/api/cases/:id/admin-dispute',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '行政争议化解情况：介入阶段、当事人、行政行为、争议焦点、会商、化解方式和结果',
        params: ZCaseParams,
        response: { 200: ZDispute },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = requireDisputeCase(await reachCase(database.db, request.params.id, user));
      return audited(database, loadDispute(database.db, theCase, user), (d) =>
        d.parties.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'dispute.view',
              targetType: 'case',
              targetId: theCase.id,
              detail: { masked: d.namesMasked },
            },
      );
    },
  );
  app.put(
    '/api/cases/:id/admin-dispute',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '填写争议情况和化解方式',
        params: ZCaseParams,
        body: ZDisputeBody,
        response: { 200: ZDispute },
      },
    },
    (request) =>
      updateDispute(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.post(
    '/api/cases/:id/admin-dispute/meetings',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记会商（日期、参会单位、纪要）',
        params: ZCaseParams,
        body: ZMeetingBody,
        response: { 200: ZDispute },
      },
    },
    (request) => addMeeting(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.post(
    '/api/cases/:id/admin-dispute/outcome',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '记录化解结果（撤诉、和解、行政机关依法履职、息诉罢访、未化解）及日期',
        params: ZCaseParams,
        body: ZOutcomeBody,
        response: { 200: ZDispute },
      },
    },
    (request) =>
      recordDisputeOutcome(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );
  app.get(
    '/api/admin-disputes/statistics',
    {
      config: { access: 'dispute.statistics' },
      schema: {
        tags,
        summary: '行政争议化解统计（默认近三年；按结果、介入阶段、年度）',
        querystring: ZStatisticsQuery,
        response: { 200: ZStatistics },
      },
    },
    (request) => disputeStatistics(database, { user: currentUser(request), ...request.query }),
  );
}
