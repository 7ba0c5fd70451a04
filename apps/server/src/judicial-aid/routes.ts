import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import { generateDecisionDocument } from './decision-document.ts';
import { loadCaseAid, reachAidCase } from './load.ts';
import { applyForAid, correctApplication, decideAid, recordPayment } from './record-aid.ts';
import {
  ZAidParams,
  ZAidQuery,
  ZApplicationPatch,
  ZApplyBody,
  ZCaseJudicialAid,
  ZCaseParams,
  ZDecisionBody,
  ZPaymentBody,
  ZSummary,
  ZSummaryQuery,
} from './schema.ts';
import { judicialAidSummary } from './summary.ts';

const tags = ['judicial-aid'];

/** 司法救助 on a case of any line: application, decision, payment; figures per line of work. */
export async function judicialAidRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cases/:id/judicial-aid',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary:
          '案件的司法救助：申请、决定、发放（申请人姓名、身份证号在本部门以外部分隐藏；未检案件默认隐藏，full=true 查看完整信息）',
        params: ZCaseParams,
        querystring: ZAidQuery,
        response: { 200: ZCaseJudicialAid },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = await reachAidCase(database.db, request.params.id, user);
      const full = request.query.full === 'true';
      // Applicants' names and ID numbers are personal data: one entry per read that showed any.
      return audited(database, loadCaseAid(database.db, theCase, user, { full }), (result) =>
        result.aids.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'judicialAid.view',
              targetType: 'case',
              targetId: theCase.id,
              detail: { aidIds: result.aids.map((a) => a.id), masked: result.masked },
            },
      );
    },
  );

  app.post(
    '/api/cases/:id/judicial-aid',
    {
      config: { access: 'judicialAid.write' },
      schema: {
        tags,
        summary: '登记司法救助申请',
        params: ZCaseParams,
        body: ZApplyBody,
        response: { 200: ZCaseJudicialAid },
      },
    },
    (request) => applyForAid(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.patch(
    '/api/cases/:id/judicial-aid/:aidId',
    {
      config: { access: 'judicialAid.write' },
      schema: {
        tags,
        summary: '更正司法救助申请（申请人、申请日期、救助事由、理由），仅限决定之前',
        params: ZAidParams,
        body: ZApplicationPatch,
        response: { 200: ZCaseJudicialAid },
      },
    },
    (request) =>
      correctApplication(database, {
        id: request.params.id,
        aidId: request.params.aidId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/judicial-aid/:aidId/decision',
    {
      config: { access: 'judicialAid.decide' },
      schema: {
        tags,
        summary: '决定司法救助：批准（填写救助金额）或不予救助（写明理由），决定日期不早于申请日期',
        params: ZAidParams,
        body: ZDecisionBody,
        response: { 200: ZCaseJudicialAid },
      },
    },
    (request) =>
      decideAid(database, {
        id: request.params.id,
        aidId: request.params.aidId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/judicial-aid/:aidId/payment',
    {
      config: { access: 'judicialAid.write' },
      schema: {
        tags,
        summary: '记录救助金发放（批准后；超过批准金额须确认并说明原因）',
        params: ZAidParams,
        body: ZPaymentBody,
        response: { 200: ZCaseJudicialAid },
      },
    },
    (request) =>
      recordPayment(database, {
        id: request.params.id,
        aidId: request.params.aidId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/cases/:id/judicial-aid/:aidId/decision.docx',
    {
      config: { access: 'judicialAid.write' },
      schema: {
        tags,
        summary: '生成国家司法救助决定书（.docx，含申请人完整信息；仅限可查看完整信息的人员）',
        params: ZAidParams,
      },
    },
    async (request, reply) => {
      const { fileName, content } = await generateDecisionDocument(database, {
        id: request.params.id,
        aidId: request.params.aidId,
        ...callerOf(request),
      });
      return reply
        .header('content-type', docxMime)
        .header('content-disposition', attachment(fileName))
        .send(content);
    },
  );

  app.get(
    '/api/judicial-aid/summary',
    {
      config: { access: 'judicialAid.summary' },
      schema: {
        tags,
        summary: '司法救助统计：按业务条线和期间，受理申请、批准、救助人数（每人计一次）和发放金额',
        querystring: ZSummaryQuery,
        response: { 200: ZSummary },
      },
    },
    (request) => judicialAidSummary(database.db, currentUser(request), request.query),
  );
}
