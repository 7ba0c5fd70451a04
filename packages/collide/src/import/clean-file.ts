import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CollideError, type CollideErrorCode } from '../errors.ts';
import { type CleanChunk, cleanRows } from './clean-rows.ts';
import type { CleanWorkerData } from './clean-worker.ts';
import { splitCsv } from './csv-split.ts';
import { csvEncoding } from './read-csv.ts';
import { readTable } from './read-table.ts';
import type { ReadProgress } from './rows.ts';
import { datasetSheetLimits, tooMuchMemory } from './sheet-limits.ts';

/** Rows a worker wrote to a spill file (see SpillFile), for DuckDB to read. */
export interface Spilled {
  path: string;
  rows: number;
}

/** Files this large (about 500,000 rows) are cleaned on worker threads; each worker costs about a second to start. */
export const workerThreshold = 32 << 20;

type WorkerMessage =
  | { type: 'chunk'; chunk: CleanChunk }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; spill: Spilled }
  | { type: 'error'; code: CollideErrorCode; message: string };

/**
 * Cleaned chunks of one file: in this thread for small files, on a worker thread for large ones
 * (same code either way: `cleanRows`), so reading, decoding and cleaning overlap with loading.
 */
export async function* cleanFile(
  data: CleanWorkerData & { onProgress?: (progress: ReadProgress) => void; workers?: number },
): AsyncGenerator<CleanChunk | Spilled> {
  const size = await stat(data.path).then(
    (s) => s.size,
    () => 0,
  );
  const isCsv = /\.(csv|txt)$/i.test(data.path);
  const workerCount = data.workers ?? (size < workerThreshold ? 0 : isCsv ? 2 : 1);
  if (workerCount === 0) {
    const batches = await readTable(data.path, { sheet: data.sheet, onProgress: data.onProgress });
    yield* cleanRows({ batches, input: data.input, file: data.file, overrides: data.overrides });
    return;
  }
  const { onProgress, workers: _, ...workerData } = data;
  // A large CSV is split in two on record boundaries, one worker each; spreadsheets take one.
  const ranges =
    isCsv && workerCount > 1
      ? await splitCsv(data.path, workerCount, (await csvEncoding(data.path)).bom)
      : [undefined];
  // A spreadsheet parsed in the cleaning worker gets the reader's heap cap, plus room for cleaning.
  const heap = { ...datasetSheetLimits, maxMemoryMb: datasetSheetLimits.maxMemoryMb + 512 };
  const resourceLimits = isCsv ? undefined : { maxOldGenerationSizeMb: heap.maxMemoryMb };
  const workers = ranges.map(
    (range) =>
      new Worker(new URL('./clean-worker.ts', import.meta.url), {
        workerData: { ...workerData, range },
        resourceLimits,
      }),
  );
  const queue: { message: WorkerMessage; worker: Worker }[] = [];
  const bytes = new Map<Worker, number>();
  let wake: (() => void) | undefined;
  for (const worker of workers) {
    const push = (message: WorkerMessage) => {
      queue.push({ message, worker });
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (error: Error & { code?: string }) =>
      push(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? {
              type: 'error',
              code: 'tooLarge',
              message: tooMuchMemory(data.file, heap).message,
            }
          : { type: 'error', code: 'badFile', message: error.message },
      ),
    );
  }
  let running = workers.length;
  let rowsRead = 0;
  try {
    while (running > 0) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const { message, worker } = queue.shift()!;
      if (message.type === 'progress') {
        bytes.set(worker, message.progress.bytesRead ?? 0);
        const bytesRead = [...bytes.values()].reduce((sum, b) => sum + b, 0);
        onProgress?.({ bytesRead, totalBytes: size, rowsRead });
      } else if (message.type === 'error') throw new CollideError(message.code, message.message);
      else if (message.type === 'done') {
        running--;
        yield message.spill;
      } else {
        worker.postMessage('ack');
        rowsRead += message.chunk.read;
        yield message.chunk;
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
