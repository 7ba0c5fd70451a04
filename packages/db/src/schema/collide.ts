import {
  hitConfidenceIds,
  hitStatusIds,
  runStageIds,
  runStatusIds,
  scheduleRepeatIds,
} from '@procura/domain/states';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { clues, users } from './core.ts';
import { oneOf } from './one-of.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One row the import could not clean: file, row as in Excel, column header, reason (Chinese). */
export interface DatasetReject {
  file: string;
  row: number;
  column: string;
  /** the cell as it was */
  value?: string;
  reason: string;
}

/**
 * 数据集: an uploaded file cleaned by packages/collide into a Parquet snapshot under the data
 * folder. The same bytes uploaded for the same kind are one data set, so a run names its inputs
 * by content hash and can be repeated exactly.
 */
export const collideDatasets = pgTable(
  'collide_datasets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** which model input it serves: payments, prisoners, deaths … */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 (hex) of the uploaded bytes */
    contentHash: text('content_hash').notNull(),
    /** path of the Parquet snapshot, relative to the data folder */
    snapshot: text('snapshot').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    rowsRead: integer('rows_read').notNull(),
    rowsCleaned: integer('rows_cleaned').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    /** the first rejects (the import keeps at most a few thousand; rowsRejected has the count) */
    rejects: jsonb('rejects').$type<DatasetReject[]>().notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('collide_datasets_kind_hash_idx').on(t.kind, t.contentHash),
    index('collide_datasets_kind_uploaded_idx').on(t.kind, t.uploadedAt),
  ],
);

/** Which data set fed which model input, with its hash: what makes a run reproducible. */
export interface RunInput {
  role: string;
  datasetId: number;
  contentHash: string;
  fileName: string;
}

/** 定期体检: a model run on the newest data sets of its kinds, monthly on a day or every N days. */
export const collideSchedules = pgTable(
  'collide_schedules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    modelId: text('model_id').notNull(),
    /** monthly: on day `every` of each month; days: every `every` days */
    repeat: text('repeat', { enum: scheduleRepeatIds }).notNull(),
    every: smallint('every').notNull(),
    nextRunAt: at('next_run_at').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    lastRunAt: at('last_run_at'),
    /** why the last due time started no run (no data set of a kind yet) */
    lastError: text('last_error'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('collide_schedules_due_idx').on(t.enabled, t.nextRunAt),
    oneOf('collide_schedules', t.repeat, scheduleRepeatIds),
  ],
);

/** 模型运行: queued → running → succeeded | failed; progress is kept here for every reader. */
export const collideRuns = pgTable(
  'collide_runs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    modelId: text('model_id').notNull(),
    inputs: jsonb('inputs').$type<RunInput[]>().notNull(),
    status: text('status', { enum: runStatusIds }).notNull().default('queued'),
    stage: text('stage', { enum: runStageIds }).notNull().default('queued'),
    percent: smallint('percent').notNull().default(0),
    hitCount: integer('hit_count'),
    newHitCount: integer('new_hit_count'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    error: text('error'),
    scheduleId: integer('schedule_id').references(() => collideSchedules.id),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('collide_runs_model_idx').on(t.modelId, t.id),
    index('collide_runs_status_idx').on(t.status),
    oneOf('collide_runs', t.status, runStatusIds),
    oneOf('collide_runs', t.stage, runStageIds),
  ],
);

/** One finding of a run, reviewed by a person: pending → confirmed | dismissed | clue. */
export const collideHits = pgTable(
  'collide_hits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    runId: integer('run_id')
      .notNull()
      .references(() => collideRuns.id),
    /** model, subject, confidence and the start of the evidence period: the same finding across runs */
    hitKey: text('hit_key').notNull(),
    /** no earlier run of the model had this key */
    isNew: boolean('is_new').notNull(),
    subject: text('subject').notNull(),
    idNumber: text('id_number'),
    name: text('name'),
    count: integer('count').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    confidence: text('confidence', { enum: hitConfidenceIds }).notNull(),
    score: real('score'),
    explanation: text('explanation').notNull(),
    evidence: jsonb('evidence')
      .$type<{ role: string; file: string; row: number; values: Record<string, string | number | null> }[]>()
      .notNull(),
    status: text('status', { enum: hitStatusIds }).notNull().default('pending'),
    dismissReason: text('dismiss_reason'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    clueId: integer('clue_id').references(() => clues.id),
  },
  (t) => [
    index('collide_hits_run_idx').on(t.runId, t.id),
    index('collide_hits_key_idx').on(t.hitKey),
    index('collide_hits_clue_idx').on(t.clueId),
    oneOf('collide_hits', t.confidence, hitConfidenceIds),
    oneOf('collide_hits', t.status, hitStatusIds),
  ],
);
