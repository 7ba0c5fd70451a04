import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/procura.js', import.meta.url));

/**
 * Node's on-disk compile cache for the processes started here: each of them strips the types of
 * and compiles the same few hundred modules, and with the cache a `procura audit verify` spent
 * about 0.4 s of CPU less (2.4 instead of 2.8 s). Node checks each entry against the source.
 */
const compileCache = { NODE_COMPILE_CACHE: join(tmpdir(), 'procura-test-node-compile-cache') };

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Processes the helpers below started and that have not ended yet. */
const live = new Set<ChildProcess>();

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/**
 * Kills every process these helpers started that is still running and waits for each to end. A
 * test file calls it in afterEach/afterAll so a test that failed or timed out does not leave a
 * process holding its data folder for the next test.
 */
export async function stopStartedProcesses(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * Runs `procura …` as a real process, the way a user starts it. A run that has not ended after
 * `timeoutMs` is killed and reported with what it printed, rather than left running.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  { timeoutMs = 45_000 }: { timeoutMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...compileCache, ...env },
      stdio: 'pipe',
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`procura ${args.join(' ')} did not end within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** A port the operating system just reported free. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `procura serve` on a free port and waits until /api/health answers; retries if the port was taken meanwhile. */
export async function startServerProcess(env: Record<string, string>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, String(await freePort()));
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>, port: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    // QR codes and posters link to the public address; by default the server's own.
    env: {
      ...process.env,
      ...compileCache,
      LOG_LEVEL: 'warn',
      PROCURA_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: port,
    },
    stdio: 'pipe',
  });
  track(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = `http://127.0.0.1:${port}`;
  // A first start on a new folder (initdb and every migration) took over 60 s at a load average of
  // 15 on two cores; a process that died is noticed at once (`ended`), so this only bounds a hang.
  const deadline = Date.now() + 150_000;
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  while (Date.now() < deadline && !ended) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { child, url, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

export async function loginCookie(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('procura_session='));
  return cookie!.split(';')[0]!;
}
