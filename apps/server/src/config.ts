import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  adminPassword: string | undefined;
  webDist: string;
  logLevel: string;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (their addresses or networks, or a hop
   * count); false: the peer's own address is the client's.
   */
  trustProxy: TrustProxy;
  /** Login attempts per client address per minute. */
  loginRateLimit: number;
}

/** Reads the environment once; every setting the README documents is here. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 无效：${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PROCURA_DATA_DIR ?? './data'),
    demo: env.PROCURA_DEMO !== '0',
    adminPassword: env.PROCURA_ADMIN_PASSWORD || undefined,
    webDist: resolve(env.PROCURA_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.PROCURA_TRUST_PROXY),
    loginRateLimit: Number.parseInt(env.PROCURA_LOGIN_RATE_LIMIT ?? '30', 10) || 30,
  };
}
