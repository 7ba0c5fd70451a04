import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';

/**
 * Snapshots live in PROCURA_DATA_DIR/datasets, beside the embedded database; with a PostgreSQL
 * server the folder holds only these. Read from the environment like every other setting, so the
 * server, the CLI and the tests agree on it.
 */
export function datasetsDir(): string {
  return join(loadConfig().dataDir, 'datasets');
}

/** `<sha256>-<kind>.parquet`, relative to the data folder (what the database stores). */
export function snapshotName(contentHash: string, kind: string): string {
  return join('datasets', `${contentHash}-${kind.replace(/[^a-zA-Z0-9-]/g, '_')}.parquet`);
}

export function snapshotPath(relative: string): string {
  return resolve(loadConfig().dataDir, relative);
}

/** A path inside a DuckDB statement: a single-quoted literal. */
export const sqlPath = (path: string): string => `'${path.replaceAll("'", "''")}'`;

/**
 * Largest upload accepted (PROCURA_DATASET_MAX_MB, default 256 MB). The whole upload must also
 * arrive within the server's 60-second request timeout; bigger files go through the CLI.
 */
export function maxUploadBytes(): number {
  const mb = Number.parseInt(process.env.PROCURA_DATASET_MAX_MB ?? '', 10);
  return (Number.isInteger(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
}
