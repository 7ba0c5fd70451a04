import { rmSync } from 'node:fs';
import { migratedDataDir } from '@procura/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { loginCookie, startServerProcess, stopStartedProcesses } from './testing/spawn-server.ts';

const dataDir = migratedDataDir('procura-serve-log-');
afterAll(async () => {
  await stopStartedProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What `procura serve` prints (its pino log at LOG_LEVEL=info) holds nothing a user typed. */
describe('the log of procura serve', () => {
  it('logs requests without bodies or query strings, and bad input without the input', async () => {
    const marker = '李小红身份证510108201001011234';
    const server = await startServerProcess({ PROCURA_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const cookie = await loginCookie(server.url, 'prosecutor1', 'Chenghua2026');
    const post = (body: string) =>
      fetch(`${server.url}/api/clues`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body,
      });
    const clue = { source: 'publicReport', title: `举报${marker}`, description: `当事人${marker}` };

    expect((await post(JSON.stringify(clue))).status).toBe(201);
    expect((await post(JSON.stringify({ ...clue, title: `${marker}\u0000` }))).status).toBe(400);
    expect((await post(`{"title": "${marker}",`)).status).toBe(400);
    expect(
      (await fetch(`${server.url}/api/clues?q=${encodeURIComponent(marker)}`, { headers: { cookie } }))
        .status,
    ).toBe(200);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `${marker}\u0000`, password: marker }),
    });
    expect(login.status).toBe(400);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const output = server.output();
    expect(output).toContain('"url":"/api/clues?[已隐去]"');
    expect(output).not.toContain(marker);
    expect(output).not.toContain(encodeURIComponent(marker));
  });
});
