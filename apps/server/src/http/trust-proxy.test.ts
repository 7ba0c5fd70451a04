import { testEngines } from '@procura/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { parseTrustProxy } from './trust-proxy.ts';

describe('PROCURA_TRUST_PROXY', () => {
  it.each(['1', 'true', 'TRUE', '*'])('refuses %s at start: it would believe every client', (value) => {
    expect(() => loadConfig({ PROCURA_TRUST_PROXY: value })).toThrow(/X-Forwarded-For.*hops:N/);
  });

  it.each(['0.0.0.0/0', '::/0', '10.0.0.5,example.com', '10.0.0.300', '10.0.0.0/33', 'hops:0', 'hops:x'])(
    'refuses %s with a Chinese message',
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/PROCURA_TRUST_PROXY/);
    },
  );

  it('reads addresses, networks and hop counts', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy(' 10.0.0.5, 192.168.1.0/24 ,::1,loopback')).toEqual([
      '10.0.0.5',
      '192.168.1.0/24',
      '::1',
      'loopback',
    ]);
    expect(parseTrustProxy('hops:2')).toBe(2);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

// The login limit is in memory and the audit log is the same on both engines: one is enough.
const [kind] = testEngines();

describe(`a client spoofing X-Forwarded-For (${kind})`, () => {
  const proxy = '10.0.0.5';
  let behindProxy: TestApp;
  let behindHops: TestApp;

  beforeAll(async () => {
    behindProxy = await createTestApp(kind!, { trustProxy: parseTrustProxy(proxy), loginRateLimit: 3 });
    behindHops = await createTestApp(kind!, { trustProxy: parseTrustProxy('hops:1'), loginRateLimit: 3 });
  });
  afterAll(async () => {
    await behindProxy?.close();
    await behindHops?.close();
  });

  const attempt = (t: TestApp, username: string, remoteAddress: string, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username, password: 'Wrong1password' },
    });

  /** Addresses the audit log recorded for failed logins of one (unknown) username. */
  const auditedAddresses = async (t: TestApp, username: string) =>
    (
      await t.database.query<{ ip: string | null }>(
        `select ip from audit_log where action = 'auth.loginFailed' and actor_name = $1 order by id`,
        [username],
      )
    ).map((row) => row.ip);

  it('ignores the header from a peer that is not the proxy: the rate limit still hits', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      statuses.push((await attempt(behindProxy, 'spoofer', '203.0.113.9', `198.51.100.${i}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await attempt(behindProxy, 'spoofer', '203.0.113.9', '198.51.100.77');
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
  });

  it('records the real peer address in the audit log, never the forged one', async () => {
    await attempt(behindProxy, 'forger', '203.0.113.10', '198.51.100.1');
    expect(await auditedAddresses(behindProxy, 'forger')).toEqual(['203.0.113.10']);
  });

  it('believes the configured proxy, and only the address the proxy itself appended', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    await attempt(behindProxy, 'proxied', proxy, '1.2.3.4, 198.51.100.20');
    expect(await auditedAddresses(behindProxy, 'proxied')).toEqual(['198.51.100.20']);
  });

  it('counts the limit per real client behind the proxy, not for the proxy as a whole', async () => {
    for (let i = 0; i < 3; i++) await attempt(behindProxy, 'crowd', proxy, '198.51.100.30');
    expect((await attempt(behindProxy, 'crowd', proxy, '198.51.100.30')).statusCode).toBe(429);
    expect((await attempt(behindProxy, 'crowd', proxy, '198.51.100.31')).statusCode).toBe(401);
  });

  it('with hops:1 takes the last address in the header, whatever the client put before it', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      statuses.push(
        (await attempt(behindHops, 'hopper', '10.9.9.9', `192.0.2.${i}, 198.51.100.40`)).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await auditedAddresses(behindHops, 'hopper')).toEqual([
      '198.51.100.40',
      '198.51.100.40',
      '198.51.100.40',
    ]);
  });
});
