import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { CollideError, exportSnapshot } from '@procura/collide';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { findKind } from './dataset-kinds.ts';
import { getDataset } from './list-datasets.ts';
import { receiveUpload, safeFileName } from './receive-upload.ts';
import type { TDatasetDetail } from './schema.ts';
import { maxUploadBytes, snapshotName, snapshotPath } from './snapshot-store.ts';

/** Rejects kept with the data set; the count is always exact. */
const keptRejects = 5_000;

/**
 * 上传数据集: stores the file, cleans it with the collision engine into a Parquet snapshot and
 * records it. The same bytes for the same kind are the data set already there. A file the engine
 * cannot use records nothing and says which file, column or row is wrong.
 */
export async function importDataset(
  database: Database,
  options: {
    kind: string;
    fileName: string;
    body: Readable;
    /** the Content-Length header, when sent */
    declaredBytes?: number;
    user: SessionUser;
    ip: string | null;
  },
): Promise<{ dataset: TDatasetDetail; reused: boolean }> {
  const kind = findKind(options.kind);
  if (!kind) throw new DomainError('VALIDATION', `未知的数据集类型：${options.kind}`);
  const fileName = safeFileName(options.fileName);
  const file = await receiveUpload(options.body, {
    fileName,
    maxBytes: maxUploadBytes(),
    declaredBytes: options.declaredBytes,
  });
  try {
    const existing = await findByHash(database, kind.id, file.contentHash);
    if (existing) return { dataset: (await getDataset(database.db, existing))!, reused: true };

    const snapshot = snapshotName(file.contentHash, kind.id);
    const target = snapshotPath(snapshot);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    const imported = await exportSnapshot({ file: file.path, input: kind.input, target: partial }).catch(
      (error: unknown) => {
        // The file cannot be used (unreadable, a column missing, too large): said as a bad request.
        if (error instanceof CollideError) throw new DomainError('VALIDATION', error.message);
        throw error;
      },
    );
    try {
      if (imported.stats.rowsRead === 0) {
        throw new DomainError('VALIDATION', `文件 ${fileName} 没有数据行（只有表头或为空）`);
      }
      // The snapshot is complete before anything points at it.
      await rename(partial, target);
      const id = await database.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(schema.collideDatasets)
          .values({
            kind: kind.id,
            fileName,
            contentHash: file.contentHash,
            snapshot,
            sizeBytes: file.size,
            rowsRead: imported.stats.rowsRead,
            rowsCleaned: imported.stats.rowsCleaned,
            rowsRejected: imported.stats.rowsRejected,
            rejects: imported.rejects
              .slice(0, keptRejects)
              .map(({ file, row, column, value, reason }) => ({ file, row, column, value, reason })),
            uploadedBy: options.user.id,
          })
          .onConflictDoNothing()
          .returning({ id: schema.collideDatasets.id });
        if (!row) return null;
        await recordAudit(tx, {
          actor: actorOf(options.user),
          action: 'dataset.upload',
          targetType: 'dataset',
          targetId: row.id,
          ip: options.ip,
          detail: {
            kind: kind.id,
            fileName,
            contentHash: file.contentHash,
            rowsRead: imported.stats.rowsRead,
            rowsRejected: imported.stats.rowsRejected,
          },
        });
        return row.id;
      });
      // Someone uploaded the same bytes meanwhile: theirs is the data set (same snapshot file).
      const datasetId = id ?? (await findByHash(database, kind.id, file.contentHash))!;
      return { dataset: (await getDataset(database.db, datasetId))!, reused: id === null };
    } finally {
      await rm(partial, { force: true });
    }
  } finally {
    await file.remove();
  }
}

async function findByHash(database: Database, kind: string, contentHash: string): Promise<number | null> {
  const [row] = await database.db
    .select({ id: schema.collideDatasets.id })
    .from(schema.collideDatasets)
    .where(and(eq(schema.collideDatasets.kind, kind), eq(schema.collideDatasets.contentHash, contentHash)));
  return row?.id ?? null;
}
