import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** With demo: generate two years of demo work on first start (PROCURA_DEMO_WORK, default on). */
  demoWork?: boolean;
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
  /**
   * The address students and staff reach the platform at (e.g. https://jcy.example.cn), without a
   * trailing slash: the campus-mailbox QR codes and posters link there. Unset: no QR codes.
   */
  publicUrl: string | undefined;
  /**
   * PROCURA_CLOCK, for the browser tests only: the instant the server's clock is set to at start
   * (an ISO time with its offset); it runs on from there. Refused unless NODE_ENV=test: it would
   * falsify every record's time.
   */
  clockAt: Date | undefined;
}

/** PROCURA_CLOCK as an instant; only a test run (NODE_ENV=test) may set the server's clock. */
export function parseClock(value: string | undefined, nodeEnv: string | undefined): Date | undefined {
  if (!value) return undefined;
  if (nodeEnv !== 'test') throw new Error('PROCURA_CLOCK 仅供测试使用（NODE_ENV=test），正式运行不得设置');
  const at = new Date(value);
  if (!/T\d{2}:\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    throw new Error(`PROCURA_CLOCK 无效：${value}（应形如 2026-11-25T10:00:00+08:00）`);
  }
  return at;
}

/** PROCURA_PUBLIC_URL as an origin (plus an optional path prefix), or an error naming the value. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PROCURA_PUBLIC_URL 无效：${value}（应形如 https://jcy.example.cn）`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new Error(`PROCURA_PUBLIC_URL 无效：${value}（应形如 https://jcy.example.cn）`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
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
    demoWork: env.PROCURA_DEMO_WORK !== '0',
    adminPassword: env.PROCURA_ADMIN_PASSWORD || undefined,
    webDist: resolve(env.PROCURA_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.PROCURA_TRUST_PROXY),
    loginRateLimit: Number.parseInt(env.PROCURA_LOGIN_RATE_LIMIT ?? '30', 10) || 30,
    publicUrl: parsePublicUrl(env.PROCURA_PUBLIC_URL),
    clockAt: parseClock(env.PROCURA_CLOCK, env.NODE_ENV),
  };
}
