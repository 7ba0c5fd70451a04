import { z } from 'zod';
import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParam, ZIdParams } from '../http/ids.ts';
import { addCaseRecord } from './add-case-record.ts';
import { addMinor } from './add-minor.ts';
import { bookSession } from './book-session.ts';
import { cancelSession } from './cancel-session.ts';
import { createFollowUp } from './create-follow-up.ts';
import { createOrder } from './create-order.ts';
import { decideInquiry } from './decide-inquiry.ts';
import { generateOrderDocument } from './generate-order-document.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { getFollowUp, listFollowUps } from './list-follow-ups.ts';
import { listJuvenileCases } from './list-juvenile-cases.ts';
import { listSessions } from './list-sessions.ts';
import { recordOrderProgress } from './record-order-progress.ts';
import { requestInquiry } from './request-inquiry.ts';
import {
  ZAddMinorBody,
  ZAddRecordBody,
  ZAddVisitBody,
  ZAttendanceBody,
  ZBookSessionBody,
  ZCalendarQuery,
  ZCaseDetailQuery,
  ZCloseFollowUpBody,
  ZDecisionBody,
  ZDocumentResult,
  ZEvaluationBody,
  ZFollowUp,
  ZFollowUpBody,
  ZFollowUpList,
  ZFollowUpQuery,
  ZInquiryRequestBody,
  ZJuvenileCaseDetail,
  ZJuvenileCaseList,
  ZJuvenileCaseQuery,
  ZOrderBody,
  ZReferralBody,
  ZReferralFeedbackBody,
  ZSealBody,
  ZSealedRegister,
  ZSealedRegisterQuery,
  ZSealQuery,
  ZSealQueryBody,
  ZSessionList,
  ZUpdateRecordBody,
  ZVisitBody,
  ZVisitParams,
} from './schema.ts';
import { sealCase } from './seal-case.ts';
import { decideSealQuery, recordSealQuery } from './seal-queries.ts';
import { sealedRegister } from './sealed-register.ts';
import { updateCaseRecord } from './update-case-record.ts';
import { type FollowUpChange, updateFollowUp } from './update-follow-up.ts';

const tags = ['juvenile'];
const detail = { 200: ZJuvenileCaseDetail };
const ZFeedbackParams = z.strictObject({
  id: ZIdParam,
  referralId: ZIdParam,
});

export async function juvenileRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/juvenile/cases',
    {
      config: { access: 'juvenile.read' },
      schema: {
        tags,
        summary: '未检案件列表（未成年人姓名已隐去）',
        querystring: ZJuvenileCaseQuery,
        response: { 200: ZJuvenileCaseList },
      },
    },
    // Sealed cases appear here, masked, only to those who may see the sealed register: a masked
    // view of a sealed record is still a read of it, audited like the register (one entry per page
    // naming them); a page without sealed cases writes nothing.
    (request) =>
      audited(database, listJuvenileCases(db, request.query, currentUser(request)), (list) => ({
        ...callerOf(request),
        action: 'juvenile.sealedList',
        targetType: 'case',
        ids: list.items.filter((item) => item.sealed).map((item) => item.id),
      })),
  );

  app.get(
    '/api/juvenile/cases/:id',
    {
      config: { access: 'juvenile.read' },
      schema: {
        tags,
        summary: '未检案件详情；full=true 查看完整信息（限承办人、未检部门负责人、检察长，记入审计日志）',
        params: ZIdParams,
        querystring: ZCaseDetailQuery,
        response: detail,
      },
    },
    (request) =>
      getJuvenileCase(database, {
        id: request.params.id,
        ...callerOf(request),
        full: request.query.full === 'true',
      }),
  );

  app.post(
    '/api/juvenile/cases/:id/minors',
    {
      config: { access: 'juvenile.write' },
      schema: { tags, summary: '登记涉案未成年人', params: ZIdParams, body: ZAddMinorBody, response: detail },
    },
    (request) =>
      addMinor(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/cases/:id/records',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary:
          '记录提前介入、社会调查、讯问、附条件不起诉、从业禁止、强制报告（司法救助见 /api/cases/:id/judicial-aid）',
        params: ZIdParams,
        body: ZAddRecordBody,
        response: detail,
      },
    },
    (request) =>
      addCaseRecord(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.patch(
    '/api/juvenile/records/:id',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '修改未检办案记录',
        params: ZIdParams,
        body: ZUpdateRecordBody,
        response: detail,
      },
    },
    (request) =>
      updateCaseRecord(database, {
        id: request.params.id,
        data: request.body.data,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/cases/:id/inquiry-requests',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '申请再次询问未成年被害人',
        params: ZIdParams,
        body: ZInquiryRequestBody,
        response: detail,
      },
    },
    (request) =>
      requestInquiry(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/inquiry-requests/:id/decision',
    {
      config: { access: 'juvenile.approve' },
      schema: { tags, summary: '审批再次询问申请', params: ZIdParams, body: ZDecisionBody, response: detail },
    },
    (request) =>
      decideInquiry(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/juvenile/sessions',
    {
      config: { access: 'juvenile.read' },
      schema: {
        tags,
        summary: '一站式办案场所日程',
        querystring: ZCalendarQuery,
        response: { 200: ZSessionList },
      },
    },
    (request) => listSessions(db, request.query, currentUser(request)),
  );

  app.post(
    '/api/juvenile/cases/:id/sessions',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '预约一站式办案场所',
        params: ZIdParams,
        body: ZBookSessionBody,
        response: detail,
      },
    },
    (request) =>
      bookSession(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/sessions/:id/cancel',
    {
      config: { access: 'juvenile.write' },
      schema: { tags, summary: '取消预约', params: ZIdParams, response: detail },
    },
    (request) => cancelSession(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.post(
    '/api/juvenile/cases/:id/guardianship-orders',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '起草督促监护令及家庭教育指导计划',
        params: ZIdParams,
        body: ZOrderBody,
        response: detail,
      },
    },
    (request) =>
      createOrder(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/guardianship-orders/:id/document',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '生成督促监护令 .docx（必填项为空时拒绝），存入案件文书',
        params: ZIdParams,
        response: { 200: ZDocumentResult },
      },
    },
    (request) => generateOrderDocument(database, { id: request.params.id, ...callerOf(request) }),
  );

  app.post(
    '/api/juvenile/guardianship-orders/:id/attendance',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '记录家庭教育指导到场情况',
        params: ZIdParams,
        body: ZAttendanceBody,
        response: detail,
      },
    },
    (request) =>
      recordOrderProgress(database, {
        id: request.params.id,
        change: { kind: 'attendance', ...request.body },
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/guardianship-orders/:id/evaluation',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '督促监护令结案评估',
        params: ZIdParams,
        body: ZEvaluationBody,
        response: detail,
      },
    },
    (request) =>
      recordOrderProgress(database, {
        id: request.params.id,
        change: { kind: 'evaluation', ...request.body },
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/juvenile/follow-ups',
    {
      config: { access: 'juvenile.read' },
      schema: {
        tags,
        summary: '跟踪帮教计划（含临期、逾期回访）',
        querystring: ZFollowUpQuery,
        response: { 200: ZFollowUpList },
      },
    },
    (request) =>
      audited(database, listFollowUps(db, currentUser(request), request.query), (list) => ({
        ...callerOf(request),
        action: 'juvenile.followUpList',
        targetType: 'followUp',
        ids: list.map((f) => f.id),
      })),
  );

  app.post(
    '/api/juvenile/follow-ups',
    {
      config: { access: 'juvenile.write' },
      schema: { tags, summary: '建立跟踪帮教计划', body: ZFollowUpBody, response: { 201: ZFollowUp } },
    },
    async (request, reply) =>
      reply.status(201).send(await createFollowUp(database, { input: request.body, ...callerOf(request) })),
  );

  app.get(
    '/api/juvenile/follow-ups/:id',
    {
      config: { access: 'juvenile.read' },
      schema: { tags, summary: '帮教计划详情', params: ZIdParams, response: { 200: ZFollowUp } },
    },
    (request) =>
      audited(database, getFollowUp(db, request.params.id, currentUser(request)), (followUp) => ({
        ...callerOf(request),
        action: 'juvenile.followUpView',
        targetType: 'followUp',
        targetId: followUp.id,
      })),
  );

  /** A change to a follow-up plan: the body (and any extra path ids) become one FollowUpChange. */
  const change = <Params extends z.ZodType<{ id: number }>, Body extends z.ZodType>(
    url: string,
    summary: string,
    params: Params,
    body: Body,
    toChange: (params: z.output<Params>, body: z.output<Body>) => FollowUpChange,
  ) =>
    app.post(
      url,
      {
        config: { access: 'juvenile.write' },
        schema: { tags, summary, params, body, response: { 200: ZFollowUp } },
      },
      (request) => {
        // The type provider cannot resolve its conditional types for generic schemas; the schemas
        // above have parsed params and body into exactly these types.
        const ids = request.params as z.output<Params>;
        const input = request.body as z.output<Body>;
        return updateFollowUp(database, {
          id: ids.id,
          change: toChange(ids, input),
          ...callerOf(request),
        });
      },
    );

  change('/api/juvenile/follow-ups/:id/visits', '增加回访', ZIdParams, ZAddVisitBody, (_p, b) => ({
    kind: 'addVisit',
    dueOn: b.dueOn,
  }));
  change(
    '/api/juvenile/follow-ups/:id/visits/:visitId',
    '记录回访（笔记、进展）',
    ZVisitParams,
    ZVisitBody,
    (p, b) => ({ kind: 'visit', visitId: p.visitId, ...b }),
  );
  change(
    '/api/juvenile/follow-ups/:id/close',
    '帮教结案（返航情况）',
    ZIdParams,
    ZCloseFollowUpBody,
    (_p, b) => ({
      kind: 'close',
      ...b,
    }),
  );
  change(
    '/api/juvenile/follow-ups/:id/referrals',
    '转介教育、民政等部门',
    ZIdParams,
    ZReferralBody,
    (_p, b) => ({
      kind: 'refer',
      ...b,
    }),
  );
  change(
    '/api/juvenile/follow-ups/:id/referrals/:referralId/feedback',
    '记录转介反馈',
    ZFeedbackParams,
    ZReferralFeedbackBody,
    (p, b) => ({ kind: 'referralFeedback', referralId: p.referralId, ...b }),
  );

  app.post(
    '/api/juvenile/cases/:id/sealing',
    {
      config: { access: 'juvenile.seal' },
      schema: { tags, summary: '封存未成年人犯罪记录', params: ZIdParams, body: ZSealBody, response: detail },
    },
    (request) =>
      sealCase(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/juvenile/sealed',
    {
      config: { access: 'juvenile.read' },
      schema: {
        tags,
        summary: '封存记录档案与查询申请（限未检部门和检察长）',
        querystring: ZSealedRegisterQuery,
        response: { 200: ZSealedRegister },
      },
    },
    (request) =>
      audited(database, sealedRegister(db, currentUser(request), request.query), (register) => ({
        ...callerOf(request),
        action: 'juvenile.sealedList',
        targetType: 'case',
        ids: register.records.map((r) => r.caseId),
      })),
  );

  app.post(
    '/api/juvenile/sealings/:id/queries',
    {
      config: { access: 'juvenile.write' },
      schema: {
        tags,
        summary: '登记封存记录查询申请（七日内决定）',
        params: ZIdParams,
        body: ZSealQueryBody,
        response: { 200: ZSealQuery },
      },
    },
    (request) =>
      recordSealQuery(database, {
        sealingId: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/juvenile/seal-queries/:id/decision',
    {
      config: { access: 'juvenile.approve' },
      schema: {
        tags,
        summary: '决定是否许可查询封存记录',
        params: ZIdParams,
        body: ZDecisionBody,
        response: { 200: ZSealQuery },
      },
    },
    (request) =>
      decideSealQuery(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
