import { type ColumnKey, canonicalColumns } from '@procura/collide';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { desc, eq, type SQL } from 'drizzle-orm';
import { type DatasetKind, datasetKinds, findKind } from './dataset-kinds.ts';
import type { TDataset, TDatasetDetail, TDatasetKind, TDatasetList } from './schema.ts';

const { collideDatasets: datasets, users } = schema;

export function presentKind(kind: DatasetKind): TDatasetKind {
  const columns = (Object.entries(kind.input.columns) as [ColumnKey, { optional: boolean }][]).map(
    ([key, column]) => ({ key, label: canonicalColumns[key].label, required: !column.optional }),
  );
  return {
    id: kind.id,
    label: kind.label,
    columns: [...columns.filter((c) => c.required), ...columns.filter((c) => !c.required)],
    models: kind.models,
  };
}

const selectDatasets = (db: Executor, where?: SQL) =>
  db
    .select({ dataset: datasets, uploader: { id: users.id, name: users.displayName } })
    .from(datasets)
    .innerJoin(users, eq(users.id, datasets.uploadedBy))
    .where(where)
    .orderBy(desc(datasets.uploadedAt), desc(datasets.id));

type Row = Awaited<ReturnType<typeof selectDatasets>>[number];

function present({ dataset, uploader }: Row): TDataset {
  return {
    id: dataset.id,
    kind: dataset.kind,
    kindLabel: findKind(dataset.kind)?.label ?? dataset.kind,
    fileName: dataset.fileName,
    contentHash: dataset.contentHash,
    sizeBytes: dataset.sizeBytes,
    rowsRead: dataset.rowsRead,
    rowsCleaned: dataset.rowsCleaned,
    rowsRejected: dataset.rowsRejected,
    uploadedBy: uploader,
    uploadedAt: dataset.uploadedAt.toISOString(),
  };
}

/** 数据集列表, newest first, with the kinds an analyst can upload. */
export async function listDatasets(db: Executor, query: { kind?: string }): Promise<TDatasetList> {
  const rows = await selectDatasets(db, query.kind ? eq(datasets.kind, query.kind) : undefined);
  return { kinds: datasetKinds.map(presentKind), items: rows.map(present) };
}

export async function getDataset(db: Executor, id: number): Promise<TDatasetDetail | null> {
  const [row] = await selectDatasets(db, eq(datasets.id, id));
  return row ? { ...present(row), rejects: row.dataset.rejects } : null;
}
