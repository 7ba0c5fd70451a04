import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  isLeadershipRole,
  pendingMessage,
  requestAccountChange,
} from '../account-requests/account-requests.ts';
import { ZAccountRequestPending } from '../account-requests/schema.ts';
import { actorOf } from '../audit/record-audit.ts';
import { DomainError, notFound } from '../errors.ts';
import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { createUser } from './create-user.ts';
import { getUser, listUsers } from './list-users.ts';
import { resetPassword } from './reset-password.ts';
import {
  ZCreateUserBody,
  ZResetPasswordBody,
  ZUpdateUserBody,
  ZUser,
  ZUserIdParams,
  ZUserList,
  ZUserQuery,
} from './schema.ts';
import { updateUser } from './update-user.ts';

const tags = ['users'];

export async function userRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/users',
    {
      config: { access: 'user.list' },
      schema: { tags, summary: '用户列表', querystring: ZUserQuery, response: { 200: ZUserList } },
    },
    (request) => listUsers(database.db, request.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'user.list' },
      schema: { tags, summary: '用户详情', params: ZUserIdParams, response: { 200: ZUser } },
    },
    async (request) => (await getUser(database.db, request.params.id)) ?? Promise.reject(notFound('用户')),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'user.create' },
      schema: {
        tags,
        summary: '创建用户（检察长、副检察长、部门负责人：提交检察长审批，202）',
        body: ZCreateUserBody,
        response: { 201: ZUser, 202: ZAccountRequestPending },
      },
    },
    async (request, reply) => {
      const admin = currentUser(request);
      if (isLeadershipRole(request.body.role)) {
        const { username, displayName, role, departmentId } = request.body;
        const accountRequest = await requestAccountChange(database, {
          kind: 'create',
          userId: null,
          username,
          displayName,
          role,
          departmentId,
          actor: { id: admin.id, name: admin.displayName },
          ip: request.ip,
        });
        return reply.status(202).send({ accountRequest, message: pendingMessage });
      }
      const user = await createUser(database, {
        input: request.body,
        actor: actorOf(currentUser(request)),
        ip: request.ip,
      });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'user.update' },
      schema: {
        tags,
        summary: '修改用户（姓名、角色、部门、停用）；变更为领导角色须检察长审批（202）',
        params: ZUserIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUser, 202: ZAccountRequestPending },
      },
    },
    async (request, reply) => {
      const admin = currentUser(request);
      const { role, departmentId, ...rest } = request.body;
      const [before] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.id, request.params.id));
      if (!before) throw notFound('用户');
      if (before.id === admin.id && role !== undefined && role !== before.role) {
        throw new DomainError('CONFLICT', '不能修改自己的角色');
      }
      const newRole = role ?? before.role;
      const newDepartment = departmentId === undefined ? before.departmentId : departmentId;
      // Raising someone to a leadership role, or a leader to another department's lead, waits for the chief.
      if (isLeadershipRole(newRole) && (newRole !== before.role || newDepartment !== before.departmentId)) {
        if (Object.keys(rest).length > 0) {
          await updateUser(database, { id: before.id, input: rest, actor: actorOf(admin), ip: request.ip });
        }
        const accountRequest = await requestAccountChange(database, {
          kind: 'elevate',
          userId: before.id,
          username: before.username,
          displayName: rest.displayName ?? before.displayName,
          role: newRole,
          departmentId: newDepartment,
          actor: { id: admin.id, name: admin.displayName },
          ip: request.ip,
        });
        return reply.status(202).send({ accountRequest, message: pendingMessage });
      }
      return updateUser(database, {
        id: request.params.id,
        input: request.body,
        actor: actorOf(admin),
        ip: request.ip,
      });
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'user.resetPassword' },
      schema: {
        tags,
        summary: '重置密码（领导账号：提交检察长审批，新密码批准时生成并只向检察长显示，202）',
        params: ZUserIdParams,
        body: ZResetPasswordBody,
        response: { 202: ZAccountRequestPending, 204: z.null() },
      },
    },
    async (request, reply) => {
      const admin = currentUser(request);
      const [target] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.id, request.params.id));
      if (target && isLeadershipRole(target.role)) {
        const accountRequest = await requestAccountChange(database, {
          kind: 'resetPassword',
          userId: target.id,
          username: target.username,
          displayName: target.displayName,
          role: target.role,
          departmentId: target.departmentId,
          actor: { id: admin.id, name: admin.displayName },
          ip: request.ip,
        });
        return reply.status(202).send({ accountRequest, message: pendingMessage });
      }
      await resetPassword(database, {
        id: request.params.id,
        password: request.body.password,
        actor: actorOf(currentUser(request)),
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );
}
