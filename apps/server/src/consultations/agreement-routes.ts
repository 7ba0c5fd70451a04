import { audited } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import {
  ZAgreement,
  ZAgreementBody,
  ZAgreementList,
  ZAgreementMeetingBody,
  ZAgreementParams,
  ZCaseAgreement,
  ZCaseAgreementBody,
  ZClueAgreement,
} from './agreement-schema.ts';
import {
  addAgreementMeeting,
  caseAgreement,
  clueAgreement,
  createAgreement,
  getAgreement,
  listAgreements,
  setCaseAgreement,
  setClueAgreement,
} from './agreements.ts';

const tags = ['cooperation-agreements'];

/** 会签文件: cooperation agreements, their joint meetings, and the cases that cite them. */
export async function agreementRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/cooperation-agreements',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '本部门的会签文件（下次联席会议日期、是否逾期）',
        response: { 200: ZAgreementList },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return audited(database, listAgreements(database.db, user), (result) => ({
        ...callerOf(request),
        action: 'cooperationAgreement.view',
        targetType: 'cooperationAgreement',
        ids: result.items.map((a) => a.id),
      }));
    },
  );

  app.post(
    '/api/cooperation-agreements',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记会签文件（名称、会签单位、协作机制、签署日期、联席会议周期）',
        body: ZAgreementBody,
        response: { 200: ZAgreement },
      },
    },
    (request) => createAgreement(database, { input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/cooperation-agreements/:id',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: '一份会签文件', params: ZAgreementParams, response: { 200: ZAgreement } },
    },
    async (request) => {
      const user = currentUser(request);
      return audited(database, getAgreement(database.db, request.params.id, user), (result) => ({
        ...callerOf(request),
        action: 'cooperationAgreement.view',
        targetType: 'cooperationAgreement',
        targetId: result.id,
      }));
    },
  );

  app.post(
    '/api/cooperation-agreements/:id/meetings',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记联席会议（日期、纪要），下次会议日期随之顺延',
        params: ZAgreementParams,
        body: ZAgreementMeetingBody,
        response: { 200: ZAgreement },
      },
    },
    (request) =>
      addAgreementMeeting(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/cases/:id/cooperation-agreement',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '案件所依据的会签文件',
        params: ZAgreementParams,
        response: { 200: ZCaseAgreement },
      },
    },
    (request) => caseAgreement(database.db, request.params.id, currentUser(request)),
  );

  app.put(
    '/api/cases/:id/cooperation-agreement',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '注明案件依据哪份会签文件而来（null 取消）',
        params: ZAgreementParams,
        body: ZCaseAgreementBody,
        response: { 200: ZCaseAgreement },
      },
    },
    (request) =>
      setCaseAgreement(database, { caseId: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/clues/:id/cooperation-agreement',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '线索所依据的会签文件',
        params: ZAgreementParams,
        response: { 200: ZClueAgreement },
      },
    },
    (request) => clueAgreement(database.db, request.params.id, currentUser(request)),
  );

  app.put(
    '/api/clues/:id/cooperation-agreement',
    {
      config: { access: 'clue.create' },
      schema: {
        tags,
        summary: '注明线索依据哪份会签文件而来（null 取消）',
        params: ZAgreementParams,
        body: ZCaseAgreementBody,
        response: { 200: ZClueAgreement },
      },
    },
    (request) =>
      setClueAgreement(database, { clueId: request.params.id, input: request.body, ...callerOf(request) }),
  );
}
