import { audited, auditRead } from '../audit/audit-read.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { attachment } from '../suggestions/get-case-document.ts';
import {
  addAdviser,
  getInvitedCase,
  getInvitedDocument,
  listAdvisers,
  listInvitedAccounts,
  listInvitedCases,
  removeAdviser,
} from './advisers.ts';
import {
  addGroupMember,
  createGroup,
  draftGroupSuggestion,
  getGroup,
  listGroups,
  recordSiteRectification,
} from './groups.ts';
import {
  ZAddAdviserBody,
  ZAdviserList,
  ZAdviserParams,
  ZCreateGroupBody,
  ZGroup,
  ZGroupList,
  ZGroupParams,
  ZGroupSuggestionBody,
  ZInvitedAccountList,
  ZInvitedCase,
  ZInvitedCaseList,
  ZInvitedDocumentParams,
  ZMemberBody,
  ZMemberParams,
  ZRectificationBody,
} from './schema.ts';

const tags = ['class-supervision'];

/** 类案监督 (groups, their 社会治理类检察建议, each site's rectification) and 检行协作 (特邀检察官助理). */
export async function classSupervisionRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/class-cases',
    {
      config: { access: 'classCase.read' },
      schema: { tags, summary: '类案监督列表', response: { 200: ZGroupList } },
    },
    (request) => listGroups(database.db, currentUser(request)),
  );

  app.get(
    '/api/class-cases/:id',
    {
      config: { access: 'classCase.read' },
      schema: {
        tags,
        summary: '类案详情：各场所及其案件（线索）、整改情况，社会治理类检察建议的状态',
        params: ZGroupParams,
        response: { 200: ZGroup },
      },
    },
    (request) =>
      audited(database, getGroup(database.db, request.params.id, currentUser(request)), (group) => ({
        ...callerOf(request),
        action: 'classCase.view',
        targetType: 'classCaseGroup',
        targetId: group.id,
        detail: {
          caseIds: group.members.flatMap((m) => (m.case ? [m.case.id] : [])),
          clueIds: group.members.flatMap((m) => (m.clue ? [m.clue.id] : [])),
        },
      })),
  );

  app.post(
    '/api/class-cases',
    {
      config: { access: 'classCase.write' },
      schema: {
        tags,
        summary: '建立类案：名称、共性问题和两件以上案件或线索（各注明场所）',
        body: ZCreateGroupBody,
        response: { 201: ZGroup },
      },
    },
    async (request, reply) => {
      const group = await createGroup(database, { input: request.body, ...callerOf(request) });
      return reply.code(201).send(group);
    },
  );

  app.post(
    '/api/class-cases/:id/members',
    {
      config: { access: 'classCase.write' },
      schema: {
        tags,
        summary: '向类案添加一处场所（一件案件或一条线索）',
        params: ZGroupParams,
        body: ZMemberBody,
        response: { 200: ZGroup },
      },
    },
    (request) =>
      addGroupMember(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.post(
    '/api/class-cases/:id/suggestion',
    {
      config: { access: 'classCase.write' },
      schema: {
        tags,
        summary: '起草本类案的社会治理类检察建议（依附首件案件，事实部分列明全部场所）',
        params: ZGroupParams,
        body: ZGroupSuggestionBody,
        response: { 200: ZGroup },
      },
    },
    (request) =>
      draftGroupSuggestion(database, { id: request.params.id, input: request.body, ...callerOf(request) }),
  );

  app.put(
    '/api/class-cases/:id/members/:memberId/rectification',
    {
      config: { access: 'classCase.write' },
      schema: {
        tags,
        summary: '记录某场所的整改情况（未整改、整改中、已整改及日期）',
        params: ZMemberParams,
        body: ZRectificationBody,
        response: { 200: ZGroup },
      },
    },
    (request) =>
      recordSiteRectification(database, {
        id: request.params.id,
        memberId: request.params.memberId,
        input: request.body,
        ...callerOf(request),
      }),
  );

  // 检行协作: who advises a case, and what an adviser reads.
  app.get(
    '/api/cases/:id/advisers',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: '本案特邀检察官助理', params: ZGroupParams, response: { 200: ZAdviserList } },
    },
    (request) => listAdvisers(database.db, request.params.id, currentUser(request)),
  );

  app.post(
    '/api/cases/:id/advisers',
    {
      config: { access: 'caseAdviser.manage' },
      schema: {
        tags,
        summary: '添加特邀检察官助理（案件所在部门的检察官、部门负责人或院领导）',
        params: ZGroupParams,
        body: ZAddAdviserBody,
        response: { 200: ZAdviserList },
      },
    },
    (request) =>
      addAdviser(database, {
        caseId: request.params.id,
        adviserId: request.body.userId,
        ...callerOf(request),
      }),
  );

  app.delete(
    '/api/cases/:id/advisers/:userId',
    {
      config: { access: 'caseAdviser.manage' },
      schema: {
        tags,
        summary: '移除特邀检察官助理（其对本案的查阅随即终止）',
        params: ZAdviserParams,
        response: { 200: ZAdviserList },
      },
    },
    (request) =>
      removeAdviser(database, {
        caseId: request.params.id,
        adviserId: request.params.userId,
        ...callerOf(request),
      }),
  );

  app.get(
    '/api/invited-assistants',
    {
      config: { access: 'caseAdviser.manage' },
      schema: { tags, summary: '可添加的特邀检察官助理账号', response: { 200: ZInvitedAccountList } },
    },
    () => listInvitedAccounts(database.db),
  );

  app.get(
    '/api/invited/cases',
    {
      config: { access: 'invitedCase.read' },
      schema: { tags, summary: '特邀检察官助理：受邀参与的案件', response: { 200: ZInvitedCaseList } },
    },
    (request) =>
      audited(database, listInvitedCases(database.db, currentUser(request)), (result) => ({
        ...callerOf(request),
        action: 'invitedCase.list',
        targetType: 'case',
        ids: result.items.map((c) => c.id),
      })),
  );

  app.get(
    '/api/invited/cases/:id',
    {
      config: { access: 'invitedCase.read' },
      schema: {
        tags,
        summary: '特邀检察官助理：受邀参与的案件详情（只读）',
        params: ZGroupParams,
        response: { 200: ZInvitedCase },
      },
    },
    (request) =>
      audited(database, getInvitedCase(database.db, request.params.id, currentUser(request)), (result) => ({
        ...callerOf(request),
        action: 'invitedCase.view',
        targetType: 'case',
        targetId: result.case.id,
        detail: { caseNumber: result.case.caseNumber },
      })),
  );

  app.get(
    '/api/invited/cases/:id/documents/:documentId',
    {
      config: { access: 'invitedCase.read' },
      schema: { tags, summary: '特邀检察官助理：下载受邀参与案件的文书', params: ZInvitedDocumentParams },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const document = await getInvitedDocument(
        database.db,
        request.params.id,
        request.params.documentId,
        user,
      );
      await auditRead(database, {
        ...callerOf(request),
        action: 'invitedCase.download',
        targetType: 'caseDocument',
        targetId: document.id,
        detail: { caseId: document.caseId },
      });
      return reply
        .header('content-type', document.mime)
        .header('content-disposition', attachment(document.name))
        .header('x-content-sha256', document.sha256)
        .send(document.content);
    },
  );
}
