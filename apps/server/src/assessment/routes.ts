import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import {
  appealEntry,
  decideAppeal,
  decideEntry,
  getEntry,
  listEntries,
  proposeEntry,
  reviewEntry,
} from './entries.ts';
import { closePeriod, createPeriod, getPeriod, listPeriods, saveScheme } from './periods.ts';
import { proposeFromOverdueDeadlines } from './proposals.ts';
import {
  ZAppealBody,
  ZAppealDecisionBody,
  ZCreatePeriodBody,
  ZDecisionBody,
  ZEntry,
  ZEntryList,
  ZEntryQuery,
  ZPeriod,
  ZPeriodList,
  ZPersonList,
  ZProposeEntryBody,
  ZRefreshResult,
  ZScheme,
  ZStudyQuery,
  ZStudySession,
  ZStudySessionBody,
  ZStudySessionList,
} from './schema.ts';
import { createStudySession, listPeople, listStudySessions } from './study.ts';

const tags = ['assessment'];

/** 队伍建设: schemes per period, entries and their approvals, appeals, study sessions. */
export async function assessmentRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/assessment/periods',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '考核周期', response: { 200: ZPeriodList } },
    },
    () => listPeriods(database.db),
  );
  app.post(
    '/api/assessment/periods',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '新建考核周期：复制上一周期的方案，或从示例方案开始',
        body: ZCreatePeriodBody,
        response: { 201: ZPeriod },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPeriod(database, request.body, callerOf(request))),
  );
  app.get(
    '/api/assessment/periods/:id',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '考核周期及其方案', params: ZIdParams, response: { 200: ZPeriod } },
    },
    (request) => getPeriod(database.db, request.params.id),
  );
  app.put(
    '/api/assessment/periods/:id/scheme',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '保存考核方案（积分条款、业绩指标、等次比例）；已关闭的周期不能修改',
        params: ZIdParams,
        body: ZScheme,
        response: { 200: ZPeriod },
      },
    },
    (request) => saveScheme(database, request.params.id, request.body, callerOf(request)),
  );
  app.post(
    '/api/assessment/periods/:id/close',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '关闭考核周期（方案和条目冻结）',
        params: ZIdParams,
        response: { 200: ZPeriod },
      },
    },
    (request) => closePeriod(database, request.params.id, callerOf(request)),
  );

  app.get(
    '/api/assessment/people',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '可提出考核条目的人员（本人、本部门或全院）', response: { 200: ZPersonList } },
    },
    (request) => listPeople(database.db, currentUser(request)),
  );

  app.get(
    '/api/assessment/entries',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: '考核条目：本人的，部门负责人看本部门，检察长、副检察长、政治部看全院（查看他人记入审计）',
        querystring: ZEntryQuery,
        response: { 200: ZEntryList },
      },
    },
    (request) => listEntries(database, request.query, callerOf(request)),
  );
  app.post(
    '/api/assessment/entries',
    {
      config: { access: 'assessment.propose' },
      schema: {
        tags,
        summary: '提出党员积分、填报指标、加分或负面清单条目',
        body: ZProposeEntryBody,
        response: { 201: ZEntry },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proposeEntry(database, request.body, callerOf(request))),
  );
  app.post(
    '/api/assessment/entries/refresh',
    {
      config: { access: 'assessment.review' },
      schema: {
        tags,
        summary: '从期限记录提出负面清单条目（逾期），待确认',
        response: { 200: ZRefreshResult },
      },
    },
    async () => ({ proposed: await proposeFromOverdueDeadlines(database) }),
  );
  app.get(
    '/api/assessment/entries/:id',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: '一条考核条目（查看他人记入审计）',
        params: ZIdParams,
        response: { 200: ZEntry },
      },
    },
    (request) => getEntry(database, request.params.id, callerOf(request)),
  );
  app.post(
    '/api/assessment/entries/:id/review',
    {
      config: { access: 'assessment.review' },
      schema: {
        tags,
        summary: '部门负责人审核提交的条目，或确认、驳回系统提出的条目',
        params: ZIdParams,
        body: ZDecisionBody,
        response: { 200: ZEntry },
      },
    },
    (request) => reviewEntry(database, request.params.id, request.body, callerOf(request)),
  );
  app.post(
    '/api/assessment/entries/:id/decision',
    {
      config: { access: 'assessment.approve' },
      schema: {
        tags,
        summary: '政治部审批条目（批准后生效，复核期限起算）',
        params: ZIdParams,
        body: ZDecisionBody,
        response: { 200: ZEntry },
      },
    },
    (request) => decideEntry(database, request.params.id, request.body, callerOf(request)),
  );
  app.post(
    '/api/assessment/entries/:id/appeal',
    {
      config: { access: 'assessment.appeal' },
      schema: {
        tags,
        summary: '对本人条目申请复核（一次，在方案规定的天数内）',
        params: ZIdParams,
        body: ZAppealBody,
        response: { 200: ZEntry },
      },
    },
    (request) => appealEntry(database, request.params.id, request.body.reason, callerOf(request)),
  );
  app.post(
    '/api/assessment/entries/:id/appeal/decision',
    {
      config: { access: 'assessment.approve' },
      schema: {
        tags,
        summary: '决定复核：维持或撤销该条目',
        params: ZIdParams,
        body: ZAppealDecisionBody,
        response: { 200: ZEntry },
      },
    },
    (request) => decideAppeal(database, request.params.id, request.body, callerOf(request)),
  );

  app.get(
    '/api/assessment/study-sessions',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: '学习活动（第一议题、党组会前学习、支部研讨）',
        querystring: ZStudyQuery,
        response: { 200: ZStudySessionList },
      },
    },
    (request) => listStudySessions(database.db, request.query.periodId, currentUser(request)),
  );
  app.post(
    '/api/assessment/study-sessions',
    {
      config: { access: 'assessment.study' },
      schema: {
        tags,
        summary: '登记学习活动及参加人员（参加即按条款积分，受每期上限约束）',
        body: ZStudySessionBody,
        response: { 201: ZStudySession },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStudySession(database, request.body, callerOf(request))),
  );
}
