import { testEngines } from '@procura/db/testing';
import { can, type TRouteAccess } from '@procura/domain/policy';
import { roles, type TRole } from '@procura/domain/roles';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../bootstrap/demo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { App } from './app-types.ts';

interface ErrorBody {
  code: string;
  message: string;
}

type Caller = TRole | 'anonymous';
const callers: Caller[] = ['anonymous', ...roles];

/** One demo account per role. */
const demoUserOf: Record<TRole, string> = {
  chief: 'chief',
  deputyChief: 'deputy',
  departmentHead: 'head5',
  prosecutor: 'prosecutor1',
  assistant: 'assistant5',
  clerk: 'clerk6',
  analyst: 'analyst',
  admin: 'admin',
};

const initialPassword = 'Initial2026pw';

interface RouteCase {
  access: TRouteAccess;
  /** The request an allowed caller would send; `target` is a throw-away user's id. */
  request: (target: number, serial: number) => Pick<InjectOptions, 'url' | 'payload'>;
  /** Logging out ends the session: that route gets a session of its own. */
  freshSession?: boolean;
}

/**
 * Every /api route the app registers, with the access it must declare. A route added to the app
 * without a line here fails 'covers every registered route'.
 */
const routeTable: Record<string, RouteCase> = {
  'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
  'GET /api/public/info': { access: 'public', request: () => ({ url: '/api/public/info' }) },
  'POST /api/auth/login': {
    access: 'public',
    request: () => ({ url: '/api/auth/login', payload: { username: 'analyst', password: demoPassword } }),
  },
  'POST /api/auth/logout': {
    access: 'authenticated',
    request: () => ({ url: '/api/auth/logout' }),
    freshSession: true,
  },
  'GET /api/auth/me': { access: 'authenticated', request: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    access: 'authenticated',
    // Right current password, too weak a new one: reaches the handler without changing anything.
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: demoPassword, newPassword: 'short' },
    }),
  },
  'GET /api/departments': { access: 'department.list', request: () => ({ url: '/api/departments' }) },
  'GET /api/users': { access: 'user.list', request: () => ({ url: '/api/users' }) },
  'GET /api/users/:id': { access: 'user.list', request: (target) => ({ url: `/api/users/${target}` }) },
  'POST /api/users': {
    access: 'user.create',
    request: (_target, serial) => ({
      url: '/api/users',
      payload: {
        username: `matrix${serial}`,
        displayName: '矩阵测试',
        role: 'clerk',
        departmentId: null,
        password: initialPassword,
      },
    }),
  },
  'PATCH /api/users/:id': {
    access: 'user.update',
    request: (target, serial) => ({ url: `/api/users/${target}`, payload: { displayName: `改名${serial}` } }),
  },
  'POST /api/users/:id/reset-password': {
    access: 'user.resetPassword',
    request: (target) => ({
      url: `/api/users/${target}/reset-password`,
      payload: { password: 'Matrix2026reset' },
    }),
  },
  'GET /api/audit': { access: 'audit.list', request: () => ({ url: '/api/audit' }) },
  'GET /api/audit/verify': { access: 'audit.verify', request: () => ({ url: '/api/audit/verify' }) },
  // Clues and cases: a record id nobody has (404) or an empty body (400) reaches the handler or
  // its validation without changing anything, which is all an allowed caller needs to show.
  'GET /api/handlers': { access: 'clue.read', request: () => ({ url: '/api/handlers' }) },
  'GET /api/clues': { access: 'clue.read', request: () => ({ url: '/api/clues' }) },
  'GET /api/clues/sent': { access: 'clue.read', request: () => ({ url: '/api/clues/sent' }) },
  'GET /api/clues/export': { access: 'clue.read', request: () => ({ url: '/api/clues/export' }) },
  'GET /api/clues/:id': { access: 'clue.read', request: () => ({ url: '/api/clues/999999' }) },
  'POST /api/clues': {
    access: 'clue.create',
    request: (_target, serial) => ({
      url: '/api/clues',
      payload: { source: 'publicReport', title: `矩阵线索${serial}`, description: '权限矩阵测试登记的线索' },
    }),
  },
  'POST /api/clues/:id/decision': {
    access: 'clue.decide',
    request: () => ({
      url: '/api/clues/999999/decision',
      payload: { decision: 'decline', reason: '矩阵测试' },
    }),
  },
  'POST /api/clue-transfers/:id/feedback': {
    access: 'clue.transfer',
    request: () => ({ url: '/api/clue-transfers/999999/feedback', payload: { feedback: '矩阵测试' } }),
  },
  'GET /api/cases': { access: 'case.read', request: () => ({ url: '/api/cases' }) },
  'GET /api/cases/export': { access: 'case.read', request: () => ({ url: '/api/cases/export' }) },
  'GET /api/cases/:id': { access: 'case.read', request: () => ({ url: '/api/cases/999999' }) },
  'POST /api/cases': { access: 'case.create', request: () => ({ url: '/api/cases', payload: {} }) },
  'POST /api/cases/:id/transitions': {
    access: 'case.transition',
    request: () => ({ url: '/api/cases/999999/transitions', payload: {} }),
  },
  'POST /api/cases/:id/events': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/events', payload: {} }),
  },
  'POST /api/cases/:id/outcomes': {
    access: 'case.update',
    request: () => ({ url: '/api/cases/999999/outcomes', payload: {} }),
  },
  // Suggestions, deadlines, calendar, reassignment, notifications: as above, a missing id (404) or
  // an empty body (400) shows the caller got past access control.
  'GET /api/suggestions': { access: 'suggestion.read', request: () => ({ url: '/api/suggestions' }) },
  'GET /api/suggestions/export': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/export' }),
  },
  'GET /api/suggestions/:id': {
    access: 'suggestion.read',
    request: () => ({ url: '/api/suggestions/999999' }),
  },
  'POST /api/suggestions': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions', payload: {} }),
  },
  'PATCH /api/suggestions/:id': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999', payload: {} }),
  },
  'POST /api/suggestions/:id/submit': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/submit' }),
  },
  'POST /api/suggestions/:id/approve': {
    access: 'suggestion.approve',
    request: () => ({ url: '/api/suggestions/999999/approve', payload: {} }),
  },
  'POST /api/suggestions/:id/issue': {
    access: 'suggestion.issue',
    request: () => ({ url: '/api/suggestions/999999/issue' }),
  },
  'POST /api/suggestions/:id/document': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/document' }),
  },
  'POST /api/suggestions/:id/delivery': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/delivery', payload: {} }),
  },
  'POST /api/suggestions/:id/reply': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/reply', payload: {} }),
  },
  'POST /api/suggestions/:id/rectification': {
    access: 'suggestion.write',
    request: () => ({ url: '/api/suggestions/999999/rectification', payload: {} }),
  },
  'GET /api/case-documents/:id': {
    access: 'case.read',
    request: () => ({ url: '/api/case-documents/999999' }),
  },
  'GET /api/deadlines': { access: 'deadline.read', request: () => ({ url: '/api/deadlines' }) },
  'GET /api/deadlines/mine': { access: 'deadline.read', request: () => ({ url: '/api/deadlines/mine' }) },
  'GET /api/deadlines/board': { access: 'deadline.board', request: () => ({ url: '/api/deadlines/board' }) },
  'GET /api/deadlines/:id': { access: 'deadline.read', request: () => ({ url: '/api/deadlines/999999' }) },
  'POST /api/deadlines/:id/pause': {
    access: 'deadline.pause',
    request: () => ({ url: '/api/deadlines/999999/pause', payload: {} }),
  },
  'POST /api/deadlines/:id/resume': {
    access: 'deadline.pause',
    request: () => ({ url: '/api/deadlines/999999/resume', payload: {} }),
  },
  'GET /api/calendar/:year': { access: 'calendar.manage', request: () => ({ url: '/api/calendar/2026' }) },
  'PUT /api/calendar/days/:date': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/days/2026-03-03', payload: {} }),
  },
  'DELETE /api/calendar/days/:date': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/days/2026-03-03' }),
  },
  'POST /api/calendar/:year/import': {
    access: 'calendar.manage',
    request: () => ({ url: '/api/calendar/2026/import', payload: {} }),
  },
  'POST /api/reassignments': {
    access: 'record.reassign',
    request: () => ({ url: '/api/reassignments', payload: {} }),
  },
  'GET /api/notifications': { access: 'authenticated', request: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    access: 'authenticated',
    request: () => ({ url: '/api/notifications/999999/read' }),
  },
};

const methodOf = (route: string) => route.split(' ')[0] as 'GET' | 'POST' | 'PATCH';

/**
 * "METHOD /path" for every /api route, read from Fastify's route tree (HEAD twins and the
 * OpenAPI pages under /api/docs left out).
 */
function registeredApiRoutes(app: App): string[] {
  const found: string[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? pathAtDepth[depth - 1]! : '') + match[2]!;
    pathAtDepth[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method === 'HEAD' || !path.startsWith('/api') || path.startsWith('/api/docs')) continue;
      found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

/** What the policy says should happen to this caller on a route with this access. */
function expectedOutcome(access: TRouteAccess, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'authenticated') return 'allowed';
  return can(caller, access) ? 'allowed' : 'FORBIDDEN';
}

async function createUser(t: TestApp, adminCookie: string, username: string, role: TRole): Promise<number> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: adminCookie },
    payload: { username, displayName: '测试用户', role, departmentId: null, password: initialPassword },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

describe.each(testEngines())('access control on every /api route (%s)', (kind) => {
  let t: TestApp;
  let target: number;
  let serial = 0;
  const cookies = new Map<TRole, string>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const role of roles) cookies.set(role, await t.login(demoUserOf[role]));
    target = await createUser(t, cookies.get('admin')!, 'matrix.target', 'clerk');
  });
  afterAll(() => t.close());

  async function call(route: string, caller: Caller) {
    const routeCase = routeTable[route]!;
    let cookie: string | undefined;
    if (caller !== 'anonymous') {
      cookie = routeCase.freshSession ? await t.login(demoUserOf[caller]) : cookies.get(caller);
    }
    serial += 1;
    return t.app.inject({
      method: methodOf(route),
      ...routeCase.request(target, serial),
      headers: cookie ? { cookie } : {},
    });
  }

  it('covers every registered route', () => {
    const registered = registeredApiRoutes(t.app);
    expect(registered).toContain('GET /api/health');
    expect(registered).toEqual(Object.keys(routeTable).sort());
  });

  describe.each(Object.keys(routeTable))('%s', (route) => {
    const { access } = routeTable[route]!;
    it.each(callers)(`as %s follows the policy for "${access}"`, async (caller) => {
      const response = await call(route, caller);
      const outcome = expectedOutcome(access, caller);
      if (outcome === 'allowed') {
        expect([401, 403], response.body).not.toContain(response.statusCode);
        expect(response.statusCode, response.body).toBeLessThan(500);
      } else {
        expect(response.statusCode, response.body).toBe(outcome === 'FORBIDDEN' ? 403 : 401);
        expect(response.json<ErrorBody>().code).toBe(outcome);
      }
    });
  });

  it('refuses a forged session cookie', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'procura_session=forged-token' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
  });

  it('a user who must change the initial password may only see themself and change it', async () => {
    // Created by an admin, so mustChangePassword is set; an admin role, so only that flag refuses.
    await createUser(t, cookies.get('admin')!, 'matrix.newadmin', 'admin');
    const cookie = await t.login('matrix.newadmin', initialPassword);
    const actionRoutes = Object.keys(routeTable).filter((route) => {
      const { access } = routeTable[route]!;
      return access !== 'public' && access !== 'authenticated';
    });
    expect(actionRoutes.length).toBeGreaterThan(5);
    for (const route of actionRoutes) {
      serial += 1;
      const response = await t.app.inject({
        method: methodOf(route),
        ...routeTable[route]!.request(target, serial),
        headers: { cookie },
      });
      expect(response.statusCode, route).toBe(403);
      expect(response.json<ErrorBody>().code, route).toBe('PASSWORD_CHANGE_REQUIRED');
    }

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'Changed2026pw' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.statusCode).toBe(200);
  });

  // Access is checked in a preHandler hook, i.e. after Fastify validated the request: a caller
  // without a session (or without the right) is told what is wrong with the body instead of
  // "please log in"/"forbidden". See the report: the hook should run on onRequest.
  it('refuses a caller before looking at the request body or parameters', async () => {
    const anonymousBody = await t.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(anonymousBody.statusCode, anonymousBody.body).toBe(401);

    const anonymousParams = await t.app.inject({ method: 'GET', url: '/api/users/not-a-number' });
    expect(anonymousParams.statusCode, anonymousParams.body).toBe(401);

    const clerkBody = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.get('clerk')! },
      payload: { isAdmin: true },
    });
    expect(clerkBody.statusCode, clerkBody.body).toBe(403);
  });
});
