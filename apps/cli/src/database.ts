import { type Database, migrate, openDatabase } from '@procura/db';
import { loadConfig } from '@procura/server/config';

/** Opens the database the server would use (DATABASE_URL or the PGlite folder), migrated. */
export async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    return await run(database);
  } finally {
    await database.close();
  }
}
