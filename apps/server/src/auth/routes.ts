import { allowedActions } from '@procura/domain/policy';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { getPublicInfo } from '../bootstrap/public-info.ts';
import { callerOf, currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { withoutNul } from '../http/nul-bytes.ts';
import { changePassword } from './change-password.ts';
import type { SessionUser } from './load-user.ts';
import { loadUser } from './load-user.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { type TMe, ZChangePasswordBody, ZLoginBody, ZMe, ZPublicInfo } from './schema.ts';
import { idleTimeoutMs, sessionCookie } from './sessions.ts';

const presentMe = (user: SessionUser): TMe => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  roleLabel: user.roleLabel,
  department: user.department,
  mustChangePassword: user.mustChangePassword,
  actions: allowedActions(user.role),
});

const cookieOptions = (protocol: string) =>
  ({ httpOnly: true, sameSite: 'strict', path: '/', secure: protocol === 'https' }) as const;

/** A login refused for a NUL in its fields is audited like any other failed login. */
async function auditRefusedLogin(database: RouteDeps['database'], request: FastifyRequest): Promise<void> {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? withoutNul(body.username).slice(0, 64) : '';
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: { id: null, name: username },
      action: 'auth.loginFailed',
      ip: request.ip,
      detail: { reason: '请求含有不允许的控制字符' },
    }),
  );
}

export async function authRoutes(app: App, { database, config }: RouteDeps) {
  app.get(
    '/api/public/info',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: '院名与演示模式', response: { 200: ZPublicInfo } },
    },
    () => getPublicInfo(database.db, config.demo),
  );

  app.post(
    '/api/auth/login',
    {
      // Lock-out stops guessing one account; this stops one address guessing many.
      config: {
        access: 'public',
        rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' },
        // Refused before validation, yet still a failed login the audit log must show.
        onNulRefused: (request) => auditRefusedLogin(database, request),
      },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: ZLoginBody,
        response: { 200: z.object({ user: ZMe }) },
      },
    },
    async (request, reply) => {
      const { token, userId } = await login(database, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(sessionCookie, token, {
        ...cookieOptions(request.protocol),
        // The server expires idle sessions; the cookie only has to outlive a working day.
        maxAge: Math.floor(idleTimeoutMs / 1000) * 16,
      });
      const user = await loadUser(database.db, userId);
      return { user: presentMe(user!) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      await logout(database, { sessionId: request.sessionId!, ...callerOf(request) });
      reply.clearCookie(sessionCookie, cookieOptions(request.protocol));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: ZMe } },
    },
    (request) => presentMe(currentUser(request)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: '修改密码', body: ZChangePasswordBody },
    },
    async (request, reply) => {
      await changePassword(database, {
        user: currentUser(request),
        sessionId: request.sessionId!,
        ...request.body,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
}
