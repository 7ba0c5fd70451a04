import { getCase } from '../cases/get-case.ts';
import { ZCaseDetail } from '../cases/schema.ts';
import { getClue } from '../clues/get-clue.ts';
import { ZClueDetail } from '../clues/schema.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { countByField } from './count-by-field.ts';
import { setCasePilField, setCluePilField } from './fields.ts';
import {
  caseProtectedObjects,
  createProtectedObject,
  getProtectedObject,
  listProtectedObjects,
  removeCaseProtectedObject,
  setCaseProtectedObjects,
  updateProtectedObject,
} from './protected-objects.ts';
import {
  ZCaseObjectParams,
  ZCaseProtectedObjectsBody,
  ZFieldCountQuery,
  ZFieldCounts,
  ZIdParams,
  ZPilFieldBody,
  ZProtectedObject,
  ZProtectedObjectBody,
  ZProtectedObjectDetail,
  ZProtectedObjectList,
  ZProtectedObjectPatch,
} from './schema.ts';

const tags = ['public-interest'];

/** 公益诉讼领域 of clues and cases, their count by field, and the sites or objects cases protect. */
export async function publicInterestFieldRoutes(app: App, { database }: RouteDeps) {
  app.put(
    '/api/cases/:id/pil-field',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '修改公益诉讼案件的领域（生态环境和资源保护、食品药品安全……）',
        params: ZIdParams,
        body: ZPilFieldBody,
        response: { 200: ZCaseDetail },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await setCasePilField(database, { id: request.params.id, pilField: request.body.pilField, user, ip });
      return (await getCase(database.db, request.params.id, user))!;
    },
  );

  app.put(
    '/api/clues/:id/pil-field',
    {
      config: { access: 'clue.create' },
      schema: {
        tags,
        summary: '修改公益诉讼部门线索的领域',
        params: ZIdParams,
        body: ZPilFieldBody,
        response: { 200: ZClueDetail },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await setCluePilField(database, { id: request.params.id, pilField: request.body.pilField, user, ip });
      return (await getClue(database.db, request.params.id, user))!;
    },
  );

  app.get(
    '/api/public-interest/field-counts',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '按公益诉讼领域统计案件和线索（本人可见范围内），含未填写领域的件数',
        querystring: ZFieldCountQuery,
        response: { 200: ZFieldCounts },
      },
    },
    (request) => countByField(database.db, currentUser(request), request.query),
  );

  app.get(
    '/api/protected-objects',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '保护对象（文物保护单位、自然保护地……）及本人可见的相关案件数',
        response: { 200: ZProtectedObjectList },
      },
    },
    async (request) => ({ items: await listProtectedObjects(database.db, currentUser(request)) }),
  );

  app.post(
    '/api/protected-objects',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记保护对象',
        body: ZProtectedObjectBody,
        response: { 200: ZProtectedObject },
      },
    },
    (request) => createProtectedObject(database, { input: request.body, ...callerOf(request) }),
  );

  app.get(
    '/api/protected-objects/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '一个保护对象及本人可见的全部相关案件',
        params: ZIdParams,
        response: { 200: ZProtectedObjectDetail },
      },
    },
    (request) => getProtectedObject(database.db, request.params.id, currentUser(request)),
  );

  app.get(
    '/api/cases/:id/protected-objects',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: '案件保护的对象',
        params: ZIdParams,
        response: { 200: ZProtectedObjectList },
      },
    },
    async (request) => ({
      items: await caseProtectedObjects(database.db, request.params.id, currentUser(request)),
    }),
  );

  app.put(
    '/api/cases/:id/protected-objects',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '登记公益诉讼案件保护的对象（替换原有）',
        params: ZIdParams,
        body: ZCaseProtectedObjectsBody,
        response: { 200: ZProtectedObjectList },
      },
    },
    async (request) => ({
      items: await setCaseProtectedObjects(database, {
        caseId: request.params.id,
        objectIds: request.body.objectIds,
        ...callerOf(request),
      }),
    }),
  );

  app.patch(
    '/api/protected-objects/:id',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '修改保护对象（名称、类别、保护级别）',
        params: ZIdParams,
        body: ZProtectedObjectPatch,
        response: { 200: ZProtectedObject },
      },
    },
    (request) =>
      updateProtectedObject(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.delete(
    '/api/cases/:id/protected-objects/:objectId',
    {
      config: { access: 'case.update' },
      schema: {
        tags,
        summary: '从案件中移除一个保护对象',
        params: ZCaseObjectParams,
        response: { 200: ZProtectedObjectList },
      },
    },
    async (request) => ({
      items: await removeCaseProtectedObject(database, {
        caseId: request.params.id,
        objectId: request.params.objectId,
        ...callerOf(request),
      }),
    }),
  );
}
