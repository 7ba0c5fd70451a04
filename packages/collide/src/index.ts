export { CollideError, type CollideErrorCode } from './errors.ts';
export {
  type CanonicalColumn,
  type ColumnKey,
  type ColumnType,
  canonicalColumns,
  columnKeys,
  isColumnKey,
} from './import/columns.ts';
export { matchHeaders, normaliseHeader } from './import/headers.ts';
export type { InputStats, Reject } from './import/load-input.ts';
export { type LoadInputOptions, loadInput } from './import/load-input.ts';
export { createPeopleView, peopleTable } from './import/people.ts';
export { readTable } from './import/read-table.ts';
export type { ReadProgress } from './import/rows.ts';
// Every spreadsheet the platform reads (forms, calendars, data sets) goes through this bounded reader.
export { datasetSheetLimits, formSheetLimits, type SheetLimits } from './import/sheet-limits.ts';
export { readSpreadsheetRows, warmSpreadsheetReader } from './import/spreadsheet.ts';
export { createInputTable, quoteIdentifier } from './import/table.ts';
export { NotAZipError, readZipEntry, zipEntries } from './import/zip-directory.ts';
export type { SpecError } from './models/check-spec.ts';
export { type Compiled, type CompileOptions, compile } from './models/compile.ts';
export { builtinSpecs, findModel, listModels } from './models/registry.ts';
export {
  type TCondition,
  type TInput,
  type TModelSpec,
  type TModelSpecInput,
  ZModelSpec,
} from './models/spec.ts';
export { confidenceLabel, hitHeaders, hitRow } from './output/hit-rows.ts';
export { rejectsPath, writeHits, writeRejects } from './output/write-hits.ts';
export { explanationExample } from './run/explain-example.ts';
export { type FoundHits, findHits } from './run/find-hits.ts';
export type { Evidence, Hit, HitSummary, RunProgress } from './run/hit.ts';
export { type OpenRun, openRun, type RunModelOptions, type RunResult, runModel } from './run/run-model.ts';
// The platform (apps/server/src/models) keeps each upload as a cleaned Parquet snapshot and runs models on those.
export {
  type ExportedSnapshot,
  type ExportSnapshotOptions,
  exportSnapshot,
} from './snapshots/export-snapshot.ts';
export {
  type RunOnSnapshotsOptions,
  runOnSnapshots,
  type SnapshotInput,
  type SnapshotProgress,
} from './snapshots/run-snapshots.ts';
