import { computedIndicatorList } from '@procura/domain/assessment/indicators';
import { chinaYear } from '@procura/domain/china-time';
import { now } from '../clock.ts';
import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import { renderAppraisalForm } from './appraisal-form.ts';
import { loadProfile, profilePeople } from './profile.ts';
import { loadResults, prepareResultsExport } from './results.ts';
import {
  ZCatalogue,
  ZExportQuery,
  ZPeople,
  ZProfile,
  ZProfileParams,
  ZRecalculateBody,
  ZResults,
  ZSnapshotDiff,
  ZSnapshotList,
  ZTargetBody,
  ZYearQuery,
} from './schema.ts';
import { listSnapshots, recalculate, snapshotDiff } from './snapshots.ts';
import { setTarget } from './targets.ts';

const tags = ['assessment'];
const yearOf = (year: number | undefined) => year ?? chinaYear(now());

export async function assessmentScoreRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/assessment/indicators',
    {
      config: { access: 'assessment.profile' },
      schema: { tags, summary: '计算指标目录及口径', response: { 200: ZCatalogue } },
    },
    () => computedIndicatorList.map((i) => ({ ...i })),
  );

  app.get(
    '/api/assessment/profiles',
    {
      config: { access: 'assessment.profile' },
      schema: {
        tags,
        summary: '可查看画像的人员（本人；部门负责人：本部门；院领导：全院）',
        querystring: ZYearQuery,
        response: { 200: ZPeople },
      },
    },
    (request) => profilePeople(database.db, callerOf(request).user, yearOf(request.query.year)),
  );

  app.get(
    '/api/assessment/profiles/:userId',
    {
      config: { access: 'assessment.profile' },
      schema: {
        tags,
        summary: '检察官精准画像：维度雷达、季度趋势、部门排名、每项数值及其来源记录（查看他人记入审计）',
        params: ZProfileParams,
        querystring: ZYearQuery,
        response: { 200: ZProfile },
      },
    },
    (request) =>
      loadProfile(database, {
        ...callerOf(request),
        userId: request.params.userId,
        year: yearOf(request.query.year),
      }),
  );

  app.get(
    '/api/assessment/profiles/:userId/appraisal-form',
    {
      config: { access: 'assessment.profile' },
      schema: {
        tags,
        summary: '个人业绩考评表（.docx，待签字）',
        params: ZProfileParams,
        querystring: ZYearQuery,
      },
    },
    async (request, reply) => {
      const { fileName, content } = await renderAppraisalForm(database, {
        ...callerOf(request),
        userId: request.params.userId,
        year: yearOf(request.query.year),
      });
      return reply
        .header('content-type', docxMime)
        .header('content-disposition', attachment(fileName))
        .send(content);
    },
  );

  app.get(
    '/api/assessment/results',
    {
      config: { access: 'assessment.results' },
      schema: {
        tags,
        summary: '考评结果与等次（名额已核对）',
        querystring: ZYearQuery,
        response: { 200: ZResults },
      },
    },
    (request) => loadResults(database, callerOf(request).user, yearOf(request.query.year)),
  );

  app.get(
    '/api/assessment/results/export',
    {
      config: { access: 'assessment.results' },
      schema: {
        tags,
        summary: '导出考评结果表、等次名单（名额核对）或评先选优候选名单（.xlsx，记入审计日志）',
        querystring: ZExportQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await prepareResultsExport(database, {
          ...callerOf(request),
          year: yearOf(request.query.year),
          kind: request.query.kind,
        }),
      ),
  );

  app.put(
    '/api/assessment/targets',
    {
      config: { access: 'assessment.target' },
      schema: { tags, summary: '设定本部门某项指标的“跳起摸高”目标值（null：取消）', body: ZTargetBody },
    },
    (request) => setTarget(database, { ...callerOf(request), ...request.body }),
  );

  app.get(
    '/api/assessment/snapshots',
    {
      config: { access: 'assessment.recalculate' },
      schema: {
        tags,
        summary: '考评结果快照（每次重新计算一份）',
        querystring: ZYearQuery,
        response: { 200: ZSnapshotList },
      },
    },
    (request) => listSnapshots(database, yearOf(request.query.year)),
  );

  app.post(
    '/api/assessment/snapshots',
    {
      config: { access: 'assessment.recalculate' },
      schema: {
        tags,
        summary: '重新计算考评结果，保存快照，并列出与上次相比的变化及原因',
        body: ZRecalculateBody,
        response: { 201: ZSnapshotDiff },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recalculate(database, { ...callerOf(request), ...request.body })),
  );

  app.get(
    '/api/assessment/snapshots/:id/diff',
    {
      config: { access: 'assessment.recalculate' },
      schema: {
        tags,
        summary: '快照与上一份的差异及原因',
        params: ZIdParams,
        response: { 200: ZSnapshotDiff },
      },
    },
    (request) => snapshotDiff(database, { user: callerOf(request).user, id: request.params.id }),
  );
}
