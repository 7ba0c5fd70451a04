import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import { addApplicant, recordRecovery, updateApplicant } from './applicants.ts';
import { importApplicants } from './import-applicants.ts';
import { loadSupportedProsecution, reachSupportCase } from './load.ts';
import { generateOpinion } from './opinion.ts';
import { recordStep } from './record-step.ts';
import {
  ZApplicantBody,
  ZApplicantParams,
  ZApplicantPatch,
  ZCaseParams,
  ZImportBody,
  ZImportResult,
  ZRecoveryBody,
  ZStepBody,
  ZSupportBody,
  ZSupportedProsecution,
} from './schema.ts';
import { updateSupport } from './update-support.ts';

const tags = ['supported-prosecution'];

/** 民事支持起诉: the respondent, the kind of claim and the applicants of a 民支 case. */
export async function supportedProsecutionRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cases/:id/supported-prosecution',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '支持起诉：被告单位、请求类别和申请人（本部门以外身份证号部分隐藏），追回金额合计',
        params: ZCaseParams,
        response: { 200: ZSupportedProsecution },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const theCase = await reachSupportCase(database.db, request.params.id, user);
      // Applicants' ID numbers and phones are personal data: one entry per read that showed any.
      return audited(database, loadSupportedProsecution(database.db, theCase, user), (result) =>
        result.applicants.length === 0
          ? null
          : {
              ...callerOf(request),
              action: 'supportedProsecution.viewApplicants',
              targetType: 'case',
              targetId: theCase.id,
              detail: { applicantIds: result.applicants.map((a) => a.id), masked: result.idNumbersMasked },
            },
      );
    },
  );

  app.put(
    '/api/cases/:id/supported-prosecution',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '填写被告单位和请求类别（追索劳动报酬、抚养费、赡养费……）',
        params: ZCaseParams,
        body: ZSupportBody,
        response: { 200: ZSupportedProsecution },
      },
    },
    (request) =>
      updateSupport(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/cases/:id/applicants',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记一名申请人',
        params: ZCaseParams,
        body: ZApplicantBody,
        response: { 200: ZSupportedProsecution },
      },
    },
    (request) => addApplicant(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/cases/:id/applicants/import',
    {
      config: { access: 'case.update' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary:
          '导入申请人名单（.xlsx：姓名、身份证号、联系电话、人员类别、请求金额，可含追回金额、支付日期）；有错则整份不导入，同一身份证号合并并提示',
        params: ZCaseParams,
        body: ZImportBody,
        response: { 200: ZImportResult },
      },
    },
    (request) =>
      importApplicants(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.patch(
    '/api/cases/:id/applicants/:applicantId',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '修改申请人',
        params: ZApplicantParams,
        body: ZApplicantPatch,
        response: { 200: ZSupportedProsecution },
      },
    },
    (request) =>
      updateApplicant(database, {
        id: request.params.id,
        applicantId: request.params.applicantId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/applicants/:applicantId/recovery',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '记录申请人追回金额和支付日期（超过请求金额须确认并说明原因）；案件办案成效随之按合计更新',
        params: ZApplicantParams,
        body: ZRecoveryBody,
        response: { 200: ZSupportedProsecution },
      },
    },
    (request) =>
      recordRecovery(database, {
        id: request.params.id,
        applicantId: request.params.applicantId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/cases/:id/supported-prosecution/steps',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary:
          '记录办理步骤：支持起诉条件审查、转介法律援助、协助收集证据、起诉立案、调解（和解）、判决、申请执行（顺序和日期先后由系统核对）',
        params: ZCaseParams,
        body: ZStepBody,
        response: { 200: ZSupportedProsecution },
      },
    },
    (request) => recordStep(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/cases/:id/supported-prosecution/opinion.docx',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '生成支持起诉意见书（.docx，含申请人名单及完整身份证号；仅本案承办部门）',
        params: ZCaseParams,
      },
    },
    async (request, reply) => {
      const { fileName, content } = await generateOpinion(database, {
        id: request.params.id,
        ...callerOf(request),
      });
      return reply
        .header('content-type', docxMime)
        .header('content-disposition', attachment(fileName))
        .send(content);
    },
  );
}
