export { type BackupSummary, backupDatabase, backupTables, restoreDatabase } from './backup.ts';
export * from './connection.ts';
export { acquireDataDirLock, DataDirBusyError } from './data-dir-lock.ts';
export { migrate, migrationsFolder } from './migrate.ts';
export * as schema from './schema/index.ts';
