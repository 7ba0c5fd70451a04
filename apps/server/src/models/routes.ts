import { Readable } from 'node:stream';
import { can } from '@procura/domain/policy';
import { z } from 'zod';
import { audited } from '../audit/audit-read.ts';
import { DomainError, notFound } from '../errors.ts';
import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { prepareHitExport } from './export-hits.ts';
import { hitsToClues } from './hits-to-clues.ts';
import { importDataset } from './import-dataset.ts';
import { getDataset, listDatasets } from './list-datasets.ts';
import { listAllHits, listHits } from './list-hits.ts';
import { getModelDetail, listModelSummaries } from './model-overview.ts';
import { getRun, listRuns } from './present-run.ts';
import { reviewHits } from './review-hits.ts';
import { runQueueOf } from './run-queue.ts';
import { startScheduler } from './scheduler.ts';
import { createSchedule, listSchedules, setScheduleEnabled } from './schedules.ts';
import type { TDatasetDetail } from './schema.ts';
import {
  ZAllHitsQuery,
  ZCreateScheduleBody,
  ZDatasetDetail,
  ZDatasetList,
  ZDatasetQuery,
  ZHitList,
  ZHitQuery,
  ZModelDetail,
  ZModelList,
  ZModelParams,
  ZReviewBody,
  ZRun,
  ZRunList,
  ZRunQuery,
  ZSchedule,
  ZScheduleList,
  ZScheduleQuery,
  ZStartRunBody,
  ZToCluesBody,
  ZToCluesResult,
  ZUpdateScheduleBody,
  ZUploadQuery,
  ZUploadResult,
} from './schema.ts';
import { startRun } from './start-run.ts';

const tags = ['models'];

/** 大数据法律监督模型: data sets, runs (a background queue), hits and their review, schedules. */
export async function modelRoutes(app: App, deps: RouteDeps) {
  // Uploads stream to disk instead of being buffered: this scope reads raw bodies as streams.
  await app.register(async (scope) => {
    if (scope.hasContentTypeParser('application/octet-stream')) {
      scope.removeContentTypeParser('application/octet-stream');
    }
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    await routes(scope, deps);
  });

  const { database, clock } = deps;
  const queue = runQueueOf(database, (error, message) => app.log.error({ err: error }, message));
  let stopScheduler: (() => void) | undefined;
  app.addHook('onReady', async () => {
    const interrupted = await queue.recover();
    if (interrupted > 0) app.log.warn({ interrupted }, 'model runs interrupted by a restart marked failed');
    void queue.kick();
    stopScheduler = startScheduler(database, {
      now: clock,
      log: (error, message) => app.log.error({ err: error }, message),
    });
  });
  app.addHook('onClose', async () => {
    stopScheduler?.();
    await queue.stop();
  });
}

async function routes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/models',
    {
      config: { access: 'model.read' },
      schema: {
        tags,
        summary: '大数据监督模型列表（含运行、命中、线索和挽回金额）',
        response: { 200: ZModelList },
      },
    },
    () => listModelSummaries(database.db),
  );

  app.get(
    '/api/models/:id',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: '模型详情', params: ZModelParams, response: { 200: ZModelDetail } },
    },
    async (request) =>
      (await getModelDetail(database.db, request.params.id, {
        withClues: can(currentUser(request).role, 'hit.read'),
      })) ?? Promise.reject(notFound('模型')),
  );

  app.get(
    '/api/datasets',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: '数据集列表及可上传的类型',
        querystring: ZDatasetQuery,
        response: { 200: ZDatasetList },
      },
    },
    (request) => listDatasets(database.db, request.query),
  );

  app.get(
    '/api/datasets/:id',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: '数据集详情（含剔除行）',
        params: ZIdParams,
        response: { 200: ZDatasetDetail },
      },
    },
    (request) =>
      audited<TDatasetDetail>(
        database,
        getDataset(database.db, request.params.id).then((d) => {
          if (!d) throw notFound('数据集');
          return d;
        }),
        (dataset) => ({
          ...callerOf(request),
          action: 'dataset.view',
          targetType: 'dataset',
          targetId: dataset.id,
          detail: { rejects: dataset.rejects.length },
        }),
      ),
  );

  app.post(
    '/api/datasets',
    {
      config: { access: 'dataset.upload' },
      schema: {
        tags,
        summary: '上传数据集（请求体为文件内容 application/octet-stream；清洗后保存为 Parquet 快照）',
        querystring: ZUploadQuery,
        response: { 201: ZUploadResult, 200: ZUploadResult },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!(body instanceof Readable)) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传文件内容');
      }
      const result = await importDataset(database, {
        kind: request.query.kind,
        fileName: request.query.fileName,
        body,
        declaredBytes: request.headers['content-length']
          ? Number(request.headers['content-length'])
          : undefined,
        ...callerOf(request),
      });
      return reply.status(result.reused ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/model-runs',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: '模型运行记录', querystring: ZRunQuery, response: { 200: ZRunList } },
    },
    (request) => listRuns(database.db, request.query),
  );

  app.get(
    '/api/model-runs/:id',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: '模型运行（含进度）', params: ZIdParams, response: { 200: ZRun } },
    },
    async (request) => (await getRun(database.db, request.params.id)) ?? Promise.reject(notFound('模型运行')),
  );

  app.post(
    '/api/model-runs',
    {
      config: { access: 'model.run' },
      schema: { tags, summary: '运行模型（后台排队执行）', body: ZStartRunBody, response: { 202: ZRun } },
    },
    async (request, reply) => {
      const run = await startRun(database, {
        modelId: request.body.modelId,
        datasets: request.body.datasets,
        ...callerOf(request),
      });
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/api/model-runs/:id/hits',
    {
      config: { access: 'hit.read' },
      schema: {
        tags,
        summary: '一次运行的命中（含说明和证据行）',
        params: ZIdParams,
        querystring: ZHitQuery,
        response: { 200: ZHitList },
      },
    },
    async (request) => {
      if (!(await getRun(database.db, request.params.id))) throw notFound('模型运行');
      return audited(database, listHits(database.db, request.params.id, request.query), (list) => ({
        ...callerOf(request),
        action: 'hit.list',
        targetType: 'modelRun',
        targetId: request.params.id,
        ids: list.items.map((h) => h.id),
      }));
    },
  );

  app.get(
    '/api/model-hits',
    {
      config: { access: 'hit.read' },
      schema: {
        tags,
        summary: '各次运行的命中（按审查状态筛选，如待审查）',
        querystring: ZAllHitsQuery,
        response: { 200: ZHitList },
      },
    },
    (request) =>
      audited(database, listAllHits(database.db, request.query), (list) => ({
        ...callerOf(request),
        action: 'hit.list',
        targetType: 'modelHit',
        ids: list.items.map((h) => h.id),
      })),
  );

  app.get(
    '/api/model-runs/:id/hits/export',
    {
      config: { access: 'hit.read' },
      schema: {
        tags,
        summary: '导出命中（.xlsx，筛选同列表，记入审计日志）',
        params: ZIdParams,
        querystring: ZHitQuery,
      },
    },
    async (request, reply) => {
      const prepared = await prepareHitExport(database.db, {
        runId: request.params.id,
        query: request.query,
        ...callerOf(request),
      });
      return sendXlsx(reply, prepared);
    },
  );

  app.post(
    '/api/model-hits/review',
    {
      config: { access: 'hit.review' },
      schema: {
        tags,
        summary: '审查命中：确认，或填写理由后排除',
        body: ZReviewBody,
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    (request) => reviewHits(database, { input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/model-hits/clues',
    {
      config: { access: 'hit.review' },
      schema: {
        tags,
        summary: '命中转为线索（来源：大数据模型），每条命中一条线索',
        body: ZToCluesBody,
        response: { 201: ZToCluesResult },
      },
    },
    async (request, reply) => {
      const result = await hitsToClues(database, {
        input: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/model-schedules',
    {
      config: { access: 'model.read' },
      schema: {
        tags,
        summary: '定期运行设置',
        querystring: ZScheduleQuery,
        response: { 200: ZScheduleList },
      },
    },
    (request) => listSchedules(database.db, request.query),
  );

  app.post(
    '/api/model-schedules',
    {
      config: { access: 'model.run' },
      schema: {
        tags,
        summary: '设置定期运行（用各类型最新的数据集）',
        body: ZCreateScheduleBody,
        response: { 201: ZSchedule },
      },
    },
    async (request, reply) => {
      const schedule = await createSchedule(database, {
        input: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(schedule);
    },
  );

  app.patch(
    '/api/model-schedules/:id',
    {
      config: { access: 'model.run' },
      schema: {
        tags,
        summary: '启用或停用定期运行',
        params: ZIdParams,
        body: ZUpdateScheduleBody,
        response: { 200: ZSchedule },
      },
    },
    (request) =>
      setScheduleEnabled(database, {
        id: request.params.id,
        enabled: request.body.enabled,
        ...callerOf(request),
      }),
  );
}
