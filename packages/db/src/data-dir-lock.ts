import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirBusyError extends Error {
  readonly code = 'DATA_DIR_BUSY';
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `数据目录 ${dataDir} 正被另一个 Procura 进程（PID ${pid}）使用。PGlite 只允许一个进程打开同一目录，请先停止该进程，或改用 PostgreSQL（设置 DATABASE_URL）。`,
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/**
 * PGlite corrupts a folder opened by two processes at once, so the folder gets a lock file
 * holding the owner's PID. A lock left by a killed process (PID no longer alive) is taken over.
 */
/** Folders this process holds: a second open in the same process is refused like one from another. */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  if (heldHere.has(dir)) throw new DataDirBusyError(dir, process.pid);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'procura.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(dir);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(dir);
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirBusyError(dir, owner);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
