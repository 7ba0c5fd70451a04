import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from './config.ts';

/**
 * Folder for files a request writes only while it works (an employment check's CSVs): inside the
 * data folder, so what a crash leaves there is removed at the next start rather than lingering
 * in the system's temporary folder with names and ID numbers.
 */
export async function scratchDir(): Promise<string> {
  const dir = join(loadConfig().dataDir, 'tmp');
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Removes what a server killed mid-request leaves behind: raw data-set uploads
 * (`datasets/incoming/`, holding ID numbers), half-written snapshots (`datasets/*.partial`) and
 * the scratch folder. Runs at start-up, after the data folder's lock is taken, before the server
 * listens, so no request of this process can be using them. Returns what it removed.
 */
export async function removeLeftovers(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  const datasets = join(dataDir, 'datasets');
  for (const dir of [join(datasets, 'incoming'), join(dataDir, 'tmp')]) {
    for (const entry of await entries(dir)) {
      await rm(join(dir, entry), { recursive: true, force: true });
      removed.push(join(dir, entry));
    }
  }
  for (const entry of await entries(datasets)) {
    if (!entry.endsWith('.partial')) continue;
    await rm(join(datasets, entry), { force: true });
    removed.push(join(datasets, entry));
  }
  return removed;
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
