import { pipeline, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { CollideError } from '../errors.ts';
import { batchSize, type ReadOptions, type RowBatch, sourceName } from './rows.ts';
import {
  checkZipLimits,
  datasetSheetLimits,
  lyingPart,
  tooManyColumns,
  tooManyRows,
  tooSlow,
} from './sheet-limits.ts';
import { byteLimit, NotAZipError, type ZipSource, zipEntries } from './zip-directory.ts';

/**
 * The parts of exceljs's streaming WorkbookReader we drive ourselves. They are private to exceljs:
 * exceljs is pinned to this exact version and exceljs-internals.test.ts fails if they change.
 */
export const exceljsVersion = '4.4.0';
export interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

type WorksheetRows = AsyncIterable<{ values: unknown; number: number }>;

/** The name messages give a file read from `source`. */
/**
 * Streams the rows of an .xlsx worksheet (first sheet, or `options.sheet`) with exceljs, within
 * `options.limits` (see SheetLimits): the zip directory is checked before anything is inflated,
 * each part is cut off when it inflates beyond what the directory says, rows and columns are
 * counted as they stream. Runs in whatever thread calls it: readSpreadsheet puts it on a worker.
 *
 * exceljs's own reader reads the zip in one streaming pass and, on Node ≥ 18, can lose the last
 * entry; exceljs writes `xl/workbook.xml` last, so an upload failed now and then with "Cannot read
 * properties of undefined (reading 'sheets')" (exceljs#3064). We open the archive by its central
 * directory instead and hand exceljs the parts in the order it needs them: relationships, workbook,
 * shared strings, styles (which numbers are dates), then the one sheet wanted, still row by row.
 */
export async function* readXlsx(source: ZipSource, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const limits = { ...datasetSheetLimits, ...options.limits };
  const deadline = Date.now() + limits.timeoutMs;
  const fileName = sourceName(source, options);
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(source);
  } catch (error) {
    if (!(error instanceof NotAZipError)) throw error;
    throw new CollideError('badFile', `文件 ${fileName} 不是有效的 .xlsx 工作簿（${error.message}）`);
  }
  checkZipLimits(entries, fileName, limits);

  const archive =
    'path' in source
      ? await unzipper.Open.file(source.path)
      : await unzipper.Open.buffer(
          Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
        );
  const declared = new Map(entries.map((entry) => [entry.name, entry.uncompressedSize]));
  const part = (name: string) => {
    const file = archive.files.find((f) => f.path.replace(/^\//, '') === name);
    if (!file) return undefined;
    const cap = Math.min(declared.get(file.path) ?? limits.maxUncompressedBytes, limits.maxUncompressedBytes);
    return {
      stream(): Readable {
        const limited = byteLimit(cap, () => lyingPart(fileName, name));
        pipeline(file.stream(), limited, () => {});
        return limited;
      },
    };
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader('', {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;

  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook)
    throw new CollideError('badFile', `文件 ${fileName} 不是有效的 Excel 工作簿（缺少 xl/workbook.xml）`);
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(workbook.stream());
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings.stream()));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());

  const sheets = reader.model?.sheets ?? [];
  const sheet = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!sheet) {
    throw new CollideError(
      'badFile',
      options.sheet === undefined
        ? `文件 ${fileName} 中没有工作表`
        : `工作簿中没有名为「${options.sheet}」的工作表（有：${sheets.map((s) => s.name).join('、')}）`,
    );
  }
  const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
  // Targets are relative to xl/ ("worksheets/sheet1.xml"), or absolute ("/xl/worksheets/sheet1.xml").
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetPart = part(sheetPath);
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1];
  if (!sheetPart || !sheetNo)
    throw new CollideError('badFile', `文件 ${fileName} 中工作表「${sheet.name}」的内容缺失`);

  const [emitted] = [...reader._parseWorksheet(sheetPart.stream(), sheetNo)];
  const worksheet = emitted!.value as WorksheetRows;
  let batch: RowBatch = { rows: [], rowNumbers: [] };
  let rowsRead = 0;
  for await (const row of worksheet) {
    const values = row.values as unknown[];
    if (rowsRead + batch.rows.length >= limits.maxRows) throw tooManyRows(fileName, row.number, limits);
    if (values.length - 1 > limits.maxColumns) {
      throw tooManyColumns(fileName, row.number, values.length - 1, limits);
    }
    batch.rows.push(values.slice(1)); // exceljs rows are 1-based
    batch.rowNumbers.push(row.number);
    if (batch.rows.length >= batchSize) {
      if (Date.now() > deadline) throw tooSlow(fileName, limits);
      rowsRead += batch.rows.length;
      options.onProgress?.({ rowsRead });
      yield batch;
      batch = { rows: [], rowNumbers: [] };
    }
  }
  if (Date.now() > deadline) throw tooSlow(fileName, limits);
  if (batch.rows.length > 0) yield batch;
  options.onProgress?.({ rowsRead: rowsRead + batch.rows.length });
}
