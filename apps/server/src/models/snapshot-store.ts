import { existsSync } from 'node:fs';
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

/**
 * Largest upload accepted (PROCURA_DATASET_MAX_MB, default 256 MB). The whole upload must also
 * arrive within the server's 60-second request timeout; bigger files go through the CLI.
 */
export function maxUploadBytes(): number {
  const mb = Number.parseInt(process.env.PROCURA_DATASET_MAX_MB ?? '', 10);
  return (Number.isInteger(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
}

/**
 * A data set whose snapshot file is not in the data folder (a database restored from a backup
 * made without `--with-datasets`, or a folder copied without `datasets/`): said in Chinese,
 * naming the file, rather than the engine's English error with a server path.
 */
export function missingSnapshot(dataset: { fileName: string; snapshot: string }): string | null {
  if (existsSync(snapshotPath(dataset.snapshot))) return null;
  return `数据集「${dataset.fileName}」的快照文件缺失（恢复备份时未包含数据集文件），无法运行；请重新上传该文件，或用 procura backup --with-datasets 生成的备份恢复`;
}
