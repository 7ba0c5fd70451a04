import { actorOf } from '../audit/record-audit.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { importCalendar } from './import-calendar.ts';
import { listCalendarYear, seedCalendarYear } from './list-calendar-year.ts';
import {
  ZCalendarDay,
  ZCalendarYear,
  ZDateParams,
  ZImportCalendarBody,
  ZImportResult,
  ZSetDayBody,
  ZYearParams,
} from './schema.ts';
import { deleteCalendarDay, setCalendarDay } from './set-calendar-day.ts';

const tags = ['calendar'];

export async function calendarRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/calendar/:year',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: '某年节假日安排', params: ZYearParams, response: { 200: ZCalendarYear } },
    },
    (request) => listCalendarYear(database, { year: request.params.year }),
  );

  app.post(
    '/api/calendar/:year/seed',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: '载入随软件提供的该年节假日安排（chinese-days），已有安排的年份不变',
        params: ZYearParams,
        response: { 200: ZCalendarYear },
      },
    },
    (request) =>
      seedCalendarYear(database, { year: request.params.year, actor: actorOf(currentUser(request)) }),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: '新增或修改一日（休/班）',
        params: ZDateParams,
        body: ZSetDayBody,
        response: { 200: ZCalendarDay },
      },
    },
    (request) =>
      setCalendarDay(database, {
        date: request.params.date,
        input: request.body,
        ...callerOf(request),
      }),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: '删除一日的安排', params: ZDateParams },
    },
    async (request, reply) => {
      await deleteCalendarDay(database, {
        date: request.params.date,
        ...callerOf(request),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/calendar/:year/import',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: '导入国务院节假日通知（CSV 或 .xlsx：日期, 类型 休/班, 名称），替换该年安排',
        params: ZYearParams,
        body: ZImportCalendarBody,
        response: { 200: ZImportResult },
      },
    },
    (request) =>
      importCalendar(database, {
        year: request.params.year,
        input: request.body,
        ...callerOf(request),
      }),
  );
}
