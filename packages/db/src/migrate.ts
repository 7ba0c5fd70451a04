import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './connection.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Applies the same migration files on PGlite and PostgreSQL; safe to call on every start. */
export async function migrate(database: Database): Promise<void> {
  const { driver } = database;
  if (driver.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Two servers starting against one PostgreSQL must not both apply a migration:
  // hold a session advisory lock on one connection for the whole run.
  const client = await driver.pool.connect();
  try {
    await client.query('select pg_advisory_lock(7301)');
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(7301)').catch(() => undefined);
    client.release();
  }
}
