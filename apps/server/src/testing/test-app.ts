import type { DatabaseKind } from '@procura/db';
import { createTestDatabase, type TestDatabase } from '@procura/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from '../app.ts';
import { demoPassword } from '../bootstrap/demo.ts';
import { initialise } from '../bootstrap/initialise.ts';
import { type Clock, withClock } from '../clock.ts';
import type { App } from '../http/app-types.ts';
import type { TrustProxy } from '../http/trust-proxy.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** Logs in through the real route and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The public address test apps are configured with (PROCURA_PUBLIC_URL). */
export const testPublicUrl = 'https://jcy.procura.test';

/** The real app on a fresh database of the given engine, seeded with the demo procuratorate. */
export async function createTestApp(
  kind: DatabaseKind,
  options: {
    loginRateLimit?: number;
    publicUrl?: string | null;
    trustProxy?: TrustProxy;
    logger?: FastifyBaseLogger;
    /** The built web app to serve (none by default). */
    webDist?: string;
    /** The app's clock (testing/test-clock.ts): tests that depend on "today" fix it. */
    clock?: Clock;
    /** Also generate the two years of demo work (bootstrap/demo-work), as a real first start does. */
    demoWork?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  // The demo seed's timestamps (its audit entries) follow the test's clock too.
  // Without the generated demo work: each test counts only the records it makes (and starts fast).
  const seed = () => initialise(database, { demo: true, demoWork: options.demoWork ?? false });
  await (options.clock ? withClock(options.clock, seed) : seed());
  const app = await buildApp({
    database,
    config: {
      demo: true,
      webDist: options.webDist ?? '/nonexistent',
      trustProxy: options.trustProxy ?? false,
      // Tests log in hundreds of times from one address; the limit has its own test.
      loginRateLimit: options.loginRateLimit ?? 100_000,
      // null: as if PROCURA_PUBLIC_URL were unset.
      publicUrl: options.publicUrl === null ? undefined : (options.publicUrl ?? testPublicUrl),
    },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    async login(username, password = demoPassword) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'procura_session');
      return `procura_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
