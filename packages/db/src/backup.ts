import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './connection.ts';
import * as schema from './schema/index.ts';

const format = 'procura-backup';
const formatVersion = 1;
const batchSize = 1000;

/**
 * Sessions are not worth restoring: everyone signs in again after a restore. Nor are the counts
 * of wrong passwords per address (login_failures): a restore starts them afresh.
 */
const skipped = new Set(['sessions', 'login_failures']);

interface TableInfo {
  name: string;
  key: string;
  /** SQL type of the key, so paging compares keys as keys (numbers as numbers). */
  keyType: string;
  identity: boolean;
  /** Rows per dump line: one for tables holding files, so a line never grows past memory. */
  batch: number;
}

/** Tables in an order where every foreign key points backwards, so restore can insert front to back. */
export function backupTables(): TableInfo[] {
  const configs = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .filter((config) => !skipped.has(config.name));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < configs.length) {
    const before = ordered.length;
    for (const config of configs) {
      if (placed.has(config.name)) continue;
      const dependsOn = config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name);
      if (dependsOn.every((name) => name === config.name || placed.has(name) || skipped.has(name))) {
        const key = config.columns.find((column) => column.primary);
        if (!key) throw new Error(`表 ${config.name} 没有单列主键，无法备份`);
        ordered.push({
          name: config.name,
          key: key.name,
          keyType: key.getSQLType(),
          identity: Boolean(key.generatedIdentity),
          batch: config.columns.some((column) => column.getSQLType() === 'bytea') ? 1 : batchSize,
        });
        placed.add(config.name);
      }
    }
    if (ordered.length === before) throw new Error('表之间的外键存在循环，无法确定备份顺序');
  }
  return ordered;
}

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs `work` in one transaction on one connection with raw parameterised queries. A read-only
 * repeatable-read snapshot makes a dump consistent while the server keeps writing.
 */
async function inTransaction<T>(
  database: Database,
  mode: 'snapshot' | 'write',
  work: (query: Query) => Promise<T>,
): Promise<T> {
  const { driver } = database;
  if (driver.kind === 'pglite') {
    // PGlite has one connection: inside its transaction nothing else runs, which is a snapshot.
    return driver.client.transaction(async (tx) =>
      work(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows),
    );
  }
  const client = await driver.pool.connect();
  try {
    await client.query(mode === 'snapshot' ? 'begin isolation level repeatable read read only' : 'begin');
    const result = await work(async (text, params) => (await client.query(text, params)).rows);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function appliedMigrations(query: Query): Promise<string[]> {
  const rows = await query('select hash from drizzle.__drizzle_migrations order by id');
  return rows.map((row) => String(row.hash));
}

export interface BackupSummary {
  tables: Record<string, number>;
  /** files carried in (backup) or written from (restore) the dump, relative to the files' root */
  files?: string[];
  /** files rows pointed at that were not on disk at backup time (not in the dump) */
  missingFiles?: string[];
}

/**
 * Files kept beside the database (model data-set snapshots) that a dump may carry: `root` is the
 * data folder; `columns` name the table columns holding paths relative to it.
 */
export interface BackupFiles {
  root: string;
  columns: { table: string; column: string }[];
}

/** Bytes per file line of a dump (base64 makes a line about a third larger). */
const fileChunk = 1024 * 1024;

/** Writes a gzip'd JSON-lines dump: a header line, then batches of rows per table. */
export async function backupDatabase(
  database: Database,
  file: string,
  options: { files?: BackupFiles } = {},
): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const summary: BackupSummary = { tables: {} };
  const referenced = new Set<string>();
  await inTransaction(database, 'snapshot', async (query) => {
    const tables = backupTables();
    await write({
      format,
      version: formatVersion,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(query),
      tables: tables.map((t) => t.name),
    });
    for (const table of tables) {
      let count = 0;
      let after: unknown = null;
      for (;;) {
        const rows = await query(
          `select "${table.key}" as k, row_to_json(t)::text as j from "${table.name}" t
           where $1::text is null or "${table.key}" > $1::text::${table.keyType} order by "${table.key}" limit ${table.batch}`,
          [after === null ? null : String(after)],
        );
        if (rows.length === 0) break;
        const parsed = rows.map((row) => JSON.parse(String(row.j)) as Record<string, unknown>);
        for (const { column } of options.files?.columns.filter((c) => c.table === table.name) ?? []) {
          for (const row of parsed) if (typeof row[column] === 'string') referenced.add(row[column]);
        }
        await write({ table: table.name, rows: parsed });
        count += rows.length;
        after = rows[rows.length - 1]!.k;
      }
      summary.tables[table.name] = count;
    }
    // Snapshot files are written once under a content hash and never changed, so reading them
    // after the rows gives the files of exactly these rows.
    if (options.files) {
      summary.files = [];
      summary.missingFiles = [];
      for (const relative of [...referenced].sort()) {
        if (!(await writeFile(options.files.root, relative, write))) summary.missingFiles.push(relative);
        else summary.files.push(relative);
      }
    }
  });
  gzip.end();
  await finished(out);
  return summary;
}

/** Writes one file as `{file, data}` lines and a closing `{file, end, bytes}`; false when it is not there. */
async function writeFile(
  root: string,
  relative: string,
  write: (value: unknown) => Promise<void>,
): Promise<boolean> {
  const path = safeJoin(root, relative);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(fileChunk);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, fileChunk, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      await write({ file: relative, data: buffer.subarray(0, bytesRead).toString('base64') });
    }
    await write({ file: relative, end: true, bytes });
    return true;
  } finally {
    await handle.close();
  }
}

/** A path from a dump, kept inside `root`: never absolute, never climbing out. */
function safeJoin(root: string, relative: string): string {
  const cleaned = normalize(relative);
  if (isAbsolute(cleaned) || cleaned === '..' || cleaned.startsWith(`..${sep}`) || cleaned.includes('\0')) {
    throw new Error(`备份中的文件路径无效：${relative}`);
  }
  return join(root, cleaned);
}

/**
 * Restores a dump into an empty, migrated database of either engine, in one transaction:
 * on any error nothing is restored. Files the dump carries (`backup --with-datasets`) are written
 * under `options.filesRoot` beside the rows: first as `.restoring` files, renamed into place
 * only once the rows have committed.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { filesRoot?: string } = {},
): Promise<BackupSummary> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    return await restoreLines(database, file, iterator, options);
  } catch (error) {
    // zlib's own words (unexpected end of file…) for a dump cut short: say it in Chinese.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new Error(`备份文件 ${file} 不完整或已损坏（压缩数据无法读完），未恢复任何数据`);
    }
    throw error;
  }
}

async function restoreLines(
  database: Database,
  file: string,
  iterator: AsyncIterator<string>,
  options: { filesRoot?: string },
): Promise<BackupSummary> {
  const first = await iterator.next();
  const header = first.done ? null : parseLine(first.value, 1);
  if (!header || header.format !== format) throw new Error(`${file} 不是 Procura 备份文件`);
  if (header.version !== formatVersion) throw new Error(`备份格式版本 ${String(header.version)} 不受支持`);

  const tables = new Map(backupTables().map((table) => [table.name, table]));
  const summary: BackupSummary = { tables: {} };
  const restoring = new Map<
    string,
    { path: string; handle: Awaited<ReturnType<typeof open>>; bytes: number }
  >();
  const written: { partial: string; path: string; relative: string }[] = [];
  const restoreFileLine = async (record: Record<string, unknown>, lineNumber: number) => {
    const relative = String(record.file);
    if (!options.filesRoot) return; // a caller that keeps no files beside the database
    let open_ = restoring.get(relative);
    if (!open_) {
      const path = safeJoin(options.filesRoot, relative);
      await mkdir(dirname(path), { recursive: true });
      open_ = { path, handle: await open(`${path}.restoring`, 'w'), bytes: 0 };
      restoring.set(relative, open_);
    }
    if (typeof record.data === 'string') {
      const bytes = Buffer.from(record.data, 'base64');
      await open_.handle.write(bytes);
      open_.bytes += bytes.length;
    } else if (record.end === true) {
      await open_.handle.close();
      restoring.delete(relative);
      if (open_.bytes !== record.bytes)
        throw new Error(`备份文件第 ${lineNumber} 行：文件 ${relative} 不完整`);
      written.push({ partial: `${open_.path}.restoring`, path: open_.path, relative });
    } else throw new Error(`备份文件第 ${lineNumber} 行无法识别`);
  };
  try {
    await inTransaction(database, 'write', async (query) => {
      const migrations = await appliedMigrations(query);
      const expected = header.migrations as string[];
      if (expected.some((hash, index) => migrations[index] !== hash) || migrations.length < expected.length) {
        throw new Error('备份与当前数据库结构版本不一致：请用生成该备份的 Procura 版本恢复');
      }
      for (const table of tables.values()) {
        const [row] = await query(`select count(*)::int as n from "${table.name}"`);
        if (Number(row?.n) > 0)
          throw new Error(`目标数据库不是空的（表 ${table.name} 已有数据），只能恢复到空数据库`);
      }
      let lineNumber = 1;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        lineNumber++;
        if (!next.value.trim()) continue;
        const record = parseLine(next.value, lineNumber);
        if (typeof record.file === 'string') {
          await restoreFileLine(record, lineNumber);
          continue;
        }
        const table = tables.get(String(record.table));
        if (!table || !Array.isArray(record.rows)) throw new Error(`备份文件第 ${lineNumber} 行无法识别`);
        await query(
          `insert into "${table.name}" select * from json_populate_recordset(null::"${table.name}", $1::json)`,
          [JSON.stringify(record.rows)],
        );
        summary.tables[table.name] = (summary.tables[table.name] ?? 0) + record.rows.length;
      }
      for (const table of tables.values()) {
        if (!table.identity) continue;
        await query(
          `select setval(pg_get_serial_sequence('"${table.name}"', '${table.key}'), coalesce(max("${table.key}"), 0) + 1, false) from "${table.name}"`,
        );
      }
      if (restoring.size > 0)
        throw new Error(`备份文件不完整：文件 ${[...restoring.keys()].join('、')} 缺少结尾`);
    });
  } catch (error) {
    for (const { handle } of restoring.values()) await handle.close().catch(() => undefined);
    for (const { path } of restoring.values()) await rm(`${path}.restoring`, { force: true });
    for (const { partial } of written) await rm(partial, { force: true });
    throw error;
  }
  for (const { partial, path } of written) await rename(partial, path);
  if (options.filesRoot) summary.files = written.map((w) => w.relative);
  return summary;
}

function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`备份文件第 ${lineNumber} 行不是有效的 JSON（文件可能已损坏）`);
  }
}
