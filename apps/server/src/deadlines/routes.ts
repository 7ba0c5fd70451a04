import { notFound } from '../errors.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { deadlineBoard, deadlineOverview } from './deadline-board.ts';
import { getDeadline, listDeadlines, listMyDeadlines } from './list-deadlines.ts';
import { pauseDeadline, resumeDeadline } from './pause-deadline.ts';
import {
  ZBoardQuery,
  ZDeadline,
  ZDeadlineBoard,
  ZDeadlineIdParams,
  ZDeadlineList,
  ZDeadlineOverview,
  ZDeadlineQuery,
  ZPauseBody,
  ZResumeBody,
} from './schema.ts';

const tags = ['deadlines'];

export async function deadlineRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/deadlines',
    {
      config: { access: 'deadline.read' },
      schema: {
        tags,
        summary: '期限（按案件、线索或检察建议）',
        querystring: ZDeadlineQuery,
        response: { 200: ZDeadlineList },
      },
    },
    (request) => listDeadlines(database.db, request.query, currentUser(request)),
  );

  app.get(
    '/api/deadlines/mine',
    {
      config: { access: 'deadline.read' },
      schema: { tags, summary: '我的期限（我承办的案件和线索）', response: { 200: ZDeadlineList } },
    },
    (request) => listMyDeadlines(database.db, currentUser(request)),
  );

  app.get(
    '/api/deadlines/board',
    {
      config: { access: 'deadline.board' },
      schema: { tags, summary: '部门期限看板', querystring: ZBoardQuery, response: { 200: ZDeadlineBoard } },
    },
    (request) =>
      deadlineBoard(database.db, { departmentId: request.query.departmentId, user: currentUser(request) }),
  );

  app.get(
    '/api/deadlines/board/overview',
    {
      config: { access: 'deadline.overview' },
      schema: {
        tags,
        summary: '全院期限看板：各部门并列（检察长、副检察长）',
        response: { 200: ZDeadlineOverview },
      },
    },
    (request) => deadlineOverview(database.db, currentUser(request)),
  );

  app.get(
    '/api/deadlines/:id',
    {
      config: { access: 'deadline.read' },
      schema: {
        tags,
        summary: '期限详情与计算过程',
        params: ZDeadlineIdParams,
        response: { 200: ZDeadline },
      },
    },
    async (request) =>
      (await getDeadline(database.db, request.params.id, currentUser(request))) ??
      Promise.reject(notFound('期限')),
  );

  app.post(
    '/api/deadlines/:id/pause',
    {
      config: { access: 'deadline.pause' },
      schema: {
        tags,
        summary: '中止期限（鉴定、审计、审批）',
        params: ZDeadlineIdParams,
        body: ZPauseBody,
        response: { 200: ZDeadline },
      },
    },
    (request) =>
      pauseDeadline(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.post(
    '/api/deadlines/:id/resume',
    {
      config: { access: 'deadline.pause' },
      schema: {
        tags,
        summary: '恢复期限',
        params: ZDeadlineIdParams,
        body: ZResumeBody,
        response: { 200: ZDeadline },
      },
    },
    (request) =>
      resumeDeadline(database, {
        id: request.params.id,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
