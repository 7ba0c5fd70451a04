import type { Database } from '@procura/db';
import { can, type TRouteAccess } from '@procura/domain/policy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../auth/load-user.ts';
import { lookupSessionUser, sessionCookie } from '../auth/sessions.ts';
import { DomainError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares who may call it; the server refuses to start otherwise. */
    access?: TRouteAccess;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
}

/** Reads the session cookie and enforces each route's declared access before its handler. */
export function registerAccessControl(app: FastifyInstance, database: Database): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(`路由 ${route.method} ${route.url} 未声明访问权限（config.access）`);
    }
  });

  // onRequest, before the body is parsed: an anonymous or unauthorised caller learns nothing
  // about the route's validation rules.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const user = await authenticate(request, database);
    if (access === 'authenticated') return;
    if (user.mustChangePassword) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
    }
    if (!can(user.role, access)) {
      throw new DomainError('FORBIDDEN', '无权执行此操作');
    }
  });
}

async function authenticate(request: FastifyRequest, database: Database): Promise<SessionUser> {
  const token = request.cookies[sessionCookie];
  if (!token) throw new DomainError('UNAUTHENTICATED', '请先登录');
  // One statement for the session and its user (two before: half the statements of a small list).
  const session = await lookupSessionUser(database.db, token);
  if (session.status === 'expired') throw new DomainError('SESSION_EXPIRED', '登录已过期，请重新登录');
  if (session.status === 'missing') throw new DomainError('UNAUTHENTICATED', '请先登录');
  const { user } = session;
  if (user.disabled) throw new DomainError('UNAUTHENTICATED', '账号不可用，请重新登录');
  request.user = user;
  request.sessionId = session.sessionId;
  return user;
}

/** For handlers behind an authenticated route: the user is always there. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return request.user;
}

/** Who asks and from where: the `user` and `ip` every use case takes for its checks and audit entries. */
export function callerOf(request: FastifyRequest): { user: SessionUser; ip: string } {
  return { user: currentUser(request), ip: request.ip };
}
