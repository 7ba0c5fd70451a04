import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Database } from '@procura/db';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRequestRoutes } from './account-requests/routes.ts';
import { adminViolationRoutes } from './admin-violation/routes.ts';
import { assessmentRoutes } from './assessment/routes.ts';
import { assessmentScoreRoutes } from './assessment-scores/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { classSupervisionRoutes } from './class-supervision/routes.ts';
import { type Clock, systemClock, withClock } from './clock.ts';
import { clueRoutes } from './clues/routes.ts';
import { cockpitRoutes } from './cockpit/routes.ts';
import type { Config } from './config.ts';
import { agreementRoutes } from './consultations/agreement-routes.ts';
import { blacklistRoutes } from './consultations/blacklist-routes.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { deadlineRoutes } from './deadlines/routes.ts';
import { departmentRoutes } from './departments/routes.ts';
import { employmentCheckRoutes } from './employment-checks/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { hearingRoutes } from './hearings/routes.ts';
import { registerAccessControl } from './http/access.ts';
import type { App, RouteDeps } from './http/app-types.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerNulByteGuard } from './http/nul-bytes.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { fastifyTrustProxy } from './http/trust-proxy.ts';
import { judicialAidRoutes } from './judicial-aid/routes.ts';
import { juvenileRoutes } from './juvenile/routes.ts';
import { mailboxRoutes } from './mailbox/routes.ts';
import { modelRoutes } from './models/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { outreachRoutes } from './outreach/routes.ts';
import { patrolRoutes } from './patrols/routes.ts';
import { portalReplyRoutes } from './portal/replies-routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { portalClueRoutes } from './portal-clues/routes.ts';
import { publicInterestFieldRoutes } from './public-interest-fields/routes.ts';
import { reassignmentRoutes } from './reassignment/routes.ts';
import { reminderRoutes } from './reminders/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { suggestionRoutes } from './suggestions/routes.ts';
import { supportedProsecutionRoutes } from './supported-prosecution/routes.ts';
import { userRoutes } from './users/routes.ts';
import { workbenchRoutes } from './workbench/routes.ts';

// Validation messages in Chinese for every schema.
z.config(z.locales.zhCN());

/** Every route module; the access-control tests walk the routes these register. */
const routeModules: ((app: App, deps: RouteDeps) => Promise<void>)[] = [
  healthRoutes,
  authRoutes,
  departmentRoutes,
  userRoutes,
  accountRequestRoutes,
  auditRoutes,
  clueRoutes,
  caseRoutes,
  suggestionRoutes,
  deadlineRoutes,
  calendarRoutes,
  reassignmentRoutes,
  notificationRoutes,
  reminderRoutes,
  modelRoutes,
  juvenileRoutes,
  mailboxRoutes,
  employmentCheckRoutes,
  outreachRoutes,
  attachmentRoutes,
  supportedProsecutionRoutes,
  publicInterestFieldRoutes,
  adminViolationRoutes,
  hearingRoutes,
  classSupervisionRoutes,
  judicialAidRoutes,
  patrolRoutes,
  consultationRoutes,
  agreementRoutes,
  blacklistRoutes,
  portalRoutes,
  workbenchRoutes,
  cockpitRoutes,
  portalClueRoutes,
  portalReplyRoutes,
  assessmentRoutes,
  assessmentScoreRoutes,
  reportRoutes,
];

export interface BuildAppOptions {
  database: Database;
  config: Pick<Config, 'demo' | 'webDist' | 'trustProxy' | 'loginRateLimit' | 'publicUrl'>;
  /** Omitted in tests: no request logs. */
  logger?: FastifyBaseLogger;
  /** What `now()` answers while a request is served; the system's clock unless a test fixes one. */
  clock?: Clock;
}

export const bodyLimit = 1024 * 1024;

export async function buildApp({
  database,
  config,
  logger,
  clock = systemClock,
}: BuildAppOptions): Promise<App> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // A client that never finishes sending its request must not hold a socket forever.
    requestTimeout: 60_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Every request runs under the app's clock. Entered again once the body is read: the body's
  // stream events do not carry the request's async context on to the handler.
  app.addHook('onRequest', (_request, _reply, done) => withClock(clock, done));
  app.addHook('preValidation', (_request, _reply, done) => withClock(clock, done));
  app.setSerializerCompiler(serializerCompiler);

  // JSON only: a text/plain body is refused as an unsupported type rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  // File uploads are sent as raw bytes, one file per request, with the name in the query; each
  // upload route sets its own size limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  // Only routes that opt in (login) are limited; the limit is per client address.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Procura 检察履职一体化平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'procura_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would load an image from validator.swagger.io, which the CSP refuses.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });

  // Once shutdown begins, answers tell keep-alive clients to disconnect, so close() does not
  // wait on sockets that would otherwise stay open after their last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  registerErrorHandler(app);
  registerAccessControl(app, database);
  registerNulByteGuard(app);
  for (const routes of routeModules) await routes(app, { database, config, clock });
  await registerWeb(app, config.webDist);
  return app;
}

/**
 * Serves the built web app; unknown non-API paths get index.html so client routes survive a reload.
 * The files under /assets/ have a content hash in their names: browsers keep them for a year without
 * asking again. index.html (which names the current ones) is checked on every load. The .br and .gz
 * files written by the build are sent to browsers that accept them.
 */
async function registerWeb(app: App, webDist: string): Promise<void> {
  const built = existsSync(join(webDist, 'index.html'));
  const assets = join(webDist, 'assets') + sep;
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A file of an older build no longer exists: index.html in its place would be run as a script.
    if (path.startsWith('/api') || path.startsWith('/assets/') || request.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${path}` });
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<meta charset="utf-8"><p>前端尚未构建：请先运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p>',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
