import { actorOf } from '../audit/record-audit.ts';
import { notFound } from '../errors.ts';
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
      schema: { tags, summary: '创建用户', body: ZCreateUserBody, response: { 201: ZUser } },
    },
    async (request, reply) => {
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
        summary: '修改用户（姓名、角色、部门、停用）',
        params: ZUserIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUser },
      },
    },
    (request) =>
      updateUser(database, {
        id: request.params.id,
        input: request.body,
        actor: actorOf(currentUser(request)),
        ip: request.ip,
      }),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'user.resetPassword' },
      schema: { tags, summary: '重置密码', params: ZUserIdParams, body: ZResetPasswordBody },
    },
    async (request, reply) => {
      await resetPassword(database, {
        id: request.params.id,
        password: request.body.password,
        actor: actorOf(currentUser(request)),
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
}
