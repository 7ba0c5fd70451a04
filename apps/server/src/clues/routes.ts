import { notFound } from '../errors.ts';
import { sendXlsx } from '../export/send-xlsx.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { ZIdParams } from '../http/ids.ts';
import { decideClue } from './decide-clue.ts';
import { getClue } from './get-clue.ts';
import { listClues } from './list-clues.ts';
import { prepareClueExport } from './list-clues-export.ts';
import { listSentClues } from './list-sent-clues.ts';
import { recordTransferFeedback } from './record-transfer-feedback.ts';
import { registerClue } from './register-clue.ts';
import {
  ZClueDetail,
  ZClueExportQuery,
  ZClueList,
  ZClueQuery,
  ZClueTransfer,
  ZDecideClueBody,
  ZRegisterClueBody,
  ZRegisterClueResult,
  ZSentClueList,
  ZSentClueQuery,
  ZTransferFeedbackBody,
} from './schema.ts';

const tags = ['clues'];

export async function clueRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/clues',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '线索列表（本部门及分配给我的）',
        querystring: ZClueQuery,
        response: { 200: ZClueList },
      },
    },
    (request) => listClues(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/clues/export',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '导出线索列表（.xlsx，筛选条件同列表，不分页，最多 100,000 条，记入审计日志）',
        querystring: ZClueExportQuery,
      },
    },
    async (request, reply) => {
      const { fileName, asciiFileName, sheet } = await prepareClueExport(database.db, {
        query: request.query,
        ...callerOf(request),
      });
      return sendXlsx(reply, { fileName, asciiFileName, sheet });
    },
  );

  app.get(
    '/api/clues/sent',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: '我部门移送的线索及其结果',
        querystring: ZSentClueQuery,
        response: { 200: ZSentClueList },
      },
    },
    (request) => listSentClues(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/clues/:id',
    {
      config: { access: 'clue.read' },
      schema: { tags, summary: '线索详情', params: ZIdParams, response: { 200: ZClueDetail } },
    },
    async (request) =>
      (await getClue(database.db, request.params.id, currentUser(request))) ??
      Promise.reject(notFound('线索')),
  );

  app.post(
    '/api/clues',
    {
      config: { access: 'clue.create' },
      schema: {
        tags,
        summary: '登记线索（同时提示可能重复的线索、案件）',
        body: ZRegisterClueBody,
        response: { 201: ZRegisterClueResult },
      },
    },
    async (request, reply) => {
      const result = await registerClue(database, {
        input: request.body,
        ...callerOf(request),
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/clues/:id/decision',
    {
      config: { access: 'clue.decide' },
      schema: {
        tags,
        summary: '线索处置：立案、不立案或移送',
        params: ZIdParams,
        body: ZDecideClueBody,
        response: { 200: ZClueDetail },
      },
    },
    (request) =>
      decideClue(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/clue-transfers/:id/feedback',
    {
      config: { access: 'clue.transfer' },
      schema: {
        tags,
        summary: '记录向外单位移送线索的回执和反馈',
        params: ZIdParams,
        body: ZTransferFeedbackBody,
        response: { 200: ZClueTransfer },
      },
    },
    (request) =>
      recordTransferFeedback(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
