import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { type DatabaseKind, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';

/**
 * Migrating a fresh database costs seconds per test file (tens on a loaded machine); cloning a
 * migrated one costs a fraction. The server project's global setup makes one template per engine
 * before the first file runs, and createTestDatabase clones it.
 */
export interface DatabaseTemplates {
  /** A file holding the dumped folder of a migrated PGlite database. */
  pgliteDump?: string;
  /**
   * The same migrated PGlite database as a closed data folder, copied for each `procura` process a
   * test starts (migratedDataDir): a new folder costs the process PGlite's initdb and every
   * migration, about 5 s of CPU; opening a copy about 1 s.
   */
  pgliteDataDir?: string;
  /** The name of a migrated database on the test server, used as `create database … template`. */
  postgres?: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    procuraTemplates: DatabaseTemplates;
  }
}

export async function createTemplates(
  engines: DatabaseKind[],
): Promise<{ templates: DatabaseTemplates; dispose: () => Promise<void> }> {
  const templates: DatabaseTemplates = {};
  const disposers: (() => Promise<void>)[] = [];
  if (engines.includes('pglite')) {
    const database = await openDatabase({ inMemory: true });
    try {
      await migrate(database);
      if (database.driver.kind !== 'pglite') throw new Error('expected PGlite');
      const dump = await database.driver.client.dumpDataDir('none');
      const dir = await mkdtemp(join(tmpdir(), 'procura-template-'));
      disposers.push(() => rm(dir, { recursive: true, force: true }));
      templates.pgliteDump = join(dir, 'migrated.tar');
      await writeFile(templates.pgliteDump, Buffer.from(await dump.arrayBuffer()));
      // The folder is the dump unpacked by PGlite itself, then shut down cleanly.
      templates.pgliteDataDir = join(dir, 'migrated');
      const folder = await PGlite.create({
        dataDir: templates.pgliteDataDir,
        loadDataDir: dump,
        extensions: { pg_trgm },
      });
      await folder.close();
    } finally {
      await database.close();
    }
  }
  const adminUrl = process.env.PROCURA_TEST_PG_URL;
  if (engines.includes('postgres') && adminUrl) {
    const name = `procura_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    templates.postgres = name;
    disposers.push(() => adminQuery(adminUrl, `drop database if exists ${name} with (force)`));
  }
  return {
    templates,
    async dispose() {
      for (const dispose of disposers) await dispose();
    },
  };
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
