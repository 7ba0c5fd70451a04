import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CollideError, type CollideErrorCode } from '../errors.ts';
import { type ReadOptions, type ReadProgress, type RowBatch, sourceName } from './rows.ts';
import {
  checkZipLimits,
  datasetSheetLimits,
  type SheetLimits,
  tooMuchMemory,
  tooSlow,
} from './sheet-limits.ts';
import { NotAZipError, type ZipSource, zipEntries } from './zip-directory.ts';

/**
 * The one way the platform reads a spreadsheet (.xlsx or .xls): bounded in size, ratio, rows,
 * columns, time and memory (see SheetLimits), and, from the main thread, on a worker so that a
 * hostile file never stalls the server's event loop.
 */
export type SheetSource = ZipSource;
export type SpreadsheetOptions = Omit<ReadOptions, 'range'>;

/** What the bytes are, from their first ones: the file's name may lie. */
function container(source: SheetSource): 'zip' | 'ole' | null {
  let head: Uint8Array;
  if ('bytes' in source) head = source.bytes.subarray(0, 8);
  else {
    const fd = openSync(source.path, 'r');
    try {
      head = Buffer.alloc(8);
      readSync(fd, head, 0, 8, 0);
    } finally {
      closeSync(fd);
    }
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  return null;
}

/** Reads in this thread, within the limits: .xlsx by exceljs (streaming), .xls by SheetJS. */
export function readSpreadsheetHere(
  source: SheetSource,
  options: SpreadsheetOptions = {},
): AsyncGenerator<RowBatch> {
  const kind = container(source);
  // The readers (exceljs, SheetJS) load with the first workbook, not with the engine.
  if (kind === 'zip') return lazily(async () => (await import('./read-xlsx.ts')).readXlsx(source, options));
  if (kind === 'ole') return lazily(async () => (await import('./read-xls.ts')).readXls(source, options));
  throw notAWorkbook(sourceName(source, options));
}

async function* lazily(open: () => Promise<AsyncGenerator<RowBatch>>): AsyncGenerator<RowBatch> {
  yield* await open();
}

const notAWorkbook = (fileName: string) =>
  new CollideError('badFile', `文件 ${fileName} 不是 Excel 工作簿（.xlsx 或 .xls），文件可能已损坏或被改名`);

/** What the main thread asks of a sheet worker: read a file, or send the next batch. */
export type SheetWorkerJob =
  | { type: 'read'; source: SheetSource; options: Omit<SpreadsheetOptions, 'onProgress'> }
  | { type: 'ack' };

export type SheetWorkerMessage =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done' }
  | { type: 'error'; code: CollideErrorCode; message: string };

/**
 * Reads a spreadsheet on a worker thread (heap capped at `limits.maxMemoryMb`, stopped after
 * `limits.timeoutMs`), batches coming back as they are read. A zip bomb is refused here, from the
 * zip directory, before a worker is even started.
 */
export async function* readSpreadsheet(
  source: SheetSource,
  options: SpreadsheetOptions = {},
): AsyncGenerator<RowBatch> {
  const limits: SheetLimits = { ...datasetSheetLimits, ...options.limits };
  const fileName = sourceName(source, options);
  const kind = container(source);
  if (kind === 'zip') {
    try {
      checkZipLimits(zipEntries(source), fileName, limits);
    } catch (error) {
      if (!(error instanceof NotAZipError)) throw error;
      throw new CollideError('badFile', `文件 ${fileName} 不是有效的 .xlsx 工作簿（${error.message}）`);
    }
  } else if (kind === null) throw notAWorkbook(fileName);

  const { onProgress, ...rest } = options;
  const worker = takeWorker(limits.maxMemoryMb);
  const queue: SheetWorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (message: SheetWorkerMessage) => {
    queue.push(message);
    wake?.();
  };
  // the worker died or was stopped: it cannot take the next file
  let broken = false;
  const onError = (error: Error & { code?: string }) => {
    broken = true;
    push(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { type: 'error', code: 'tooLarge', message: tooMuchMemory(fileName, limits).message }
        : { type: 'error', code: 'badFile', message: `文件 ${fileName} 无法读取（${error.message}）` },
    );
  };
  const onExit = () => {
    broken = true;
    push({ type: 'error', code: 'badFile', message: `文件 ${fileName} 读取中断` });
  };
  worker.on('message', push);
  worker.on('error', onError);
  worker.on('exit', onExit);
  const timer = setTimeout(() => {
    broken = true;
    push({ type: 'error', code: 'tooLarge', message: tooSlow(fileName, limits).message });
    void worker.terminate();
  }, limits.timeoutMs);
  let finished = false;
  try {
    worker.postMessage({ type: 'read', source, options: { ...rest, fileName } } satisfies SheetWorkerJob);
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift()!;
      if (message.type === 'done') {
        finished = true;
        return;
      }
      if (message.type === 'error') {
        // The worker reported and is ready for the next file, unless it died or was stopped.
        finished = !broken;
        throw new CollideError(message.code, message.message);
      }
      if (message.type === 'progress') onProgress?.(message.progress);
      else {
        worker.postMessage({ type: 'ack' } satisfies SheetWorkerJob);
        yield message.batch;
      }
    }
  } finally {
    clearTimeout(timer);
    worker.off('message', push);
    worker.off('error', onError);
    worker.off('exit', onExit);
    // A worker that finished its file cleanly is kept for the next one (starting one costs about
    // a second); one stopped half-way (time limit, memory, the reader gave up early) is ended.
    if (finished && queue.length === 0) releaseWorker(worker, limits.maxMemoryMb);
    else await worker.terminate();
  }
}

/** Idle sheet workers, one per heap size, kept for the next file; they never keep the process alive. */
const idle = new Map<number, Worker>();

function takeWorker(maxMemoryMb: number): Worker {
  const kept = idle.get(maxMemoryMb);
  if (kept) {
    idle.delete(maxMemoryMb);
    kept.ref();
    return kept;
  }
  const worker = new Worker(new URL('./sheet-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 32 },
  });
  // An idle worker that dies is simply forgotten.
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (idle.get(maxMemoryMb) === worker) idle.delete(maxMemoryMb);
  });
  return worker;
}

/**
 * Starts a reader ahead of the first file (a worker takes a second or more to start on a busy
 * machine), kept idle like any other: the server calls this once it listens.
 */
export function warmSpreadsheetReader(limits: Partial<SheetLimits> = {}): void {
  const { maxMemoryMb } = { ...datasetSheetLimits, ...limits };
  if (!idle.has(maxMemoryMb)) releaseWorker(takeWorker(maxMemoryMb), maxMemoryMb);
}

function releaseWorker(worker: Worker, maxMemoryMb: number): void {
  if (idle.has(maxMemoryMb)) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.set(maxMemoryMb, worker);
}

/** Every row of a small spreadsheet (a form uploaded through the web), read off this thread. */
export async function readSpreadsheetRows(
  source: SheetSource,
  options: SpreadsheetOptions = {},
): Promise<{ number: number; values: unknown[] }[]> {
  const rows: { number: number; values: unknown[] }[] = [];
  for await (const batch of readSpreadsheet(source, options)) {
    batch.rows.forEach((values, i) => {
      rows.push({ number: batch.rowNumbers[i]!, values });
    });
  }
  return rows;
}
