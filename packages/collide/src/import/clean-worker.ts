import { parentPort, workerData } from 'node:worker_threads';
import { CollideError } from '../errors.ts';
import type { TInput } from '../models/spec.ts';
import { cleanRows } from './clean-rows.ts';
import type { ColumnKey } from './columns.ts';
import type { CsvRange } from './csv-split.ts';
import { readCsv } from './read-csv.ts';
import { readTable } from './read-table.ts';
import type { RowBatch } from './rows.ts';
import { SpillFile } from './spill.ts';

/** What the main thread asks of a cleaning worker. */
export interface CleanWorkerData {
  path: string;
  file: string;
  sheet?: string;
  input: TInput;
  overrides?: Partial<Record<ColumnKey, string>>;
  /** a part of a CSV file (see splitCsv) */
  range?: CsvRange;
}

/** The first rows of a file, where its header is. */
async function firstBatch(path: string): Promise<RowBatch | undefined> {
  for await (const batch of readCsv(path)) return batch;
  return undefined;
}

/** Chunks in flight before the worker waits for the main thread to catch up (bounded memory). */
const window = 16;

async function work(port: NonNullable<typeof parentPort>, data: CleanWorkerData) {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  const spill = new SpillFile();
  try {
    const batches = await readTable(data.path, {
      sheet: data.sheet,
      range: data.range,
      onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
    });
    const headerFrom = data.range && data.range.firstRow > 1 ? await firstBatch(data.path) : undefined;
    const { input, file, overrides } = data;
    for await (const chunk of cleanRows({ batches, input, file, overrides, headerFrom })) {
      spill.write(chunk);
      // counts and rejects only: the rows themselves go through the spill file
      port.postMessage({ type: 'chunk', chunk: { ...chunk, size: 0, rowNumbers: [], columns: [] } });
      inFlight++;
      while (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
    }
    spill.close();
    port.postMessage({ type: 'done', spill: { path: spill.path, rows: spill.rows } });
  } catch (error) {
    spill.discard();
    const code = error instanceof CollideError ? error.code : 'badFile';
    port.postMessage({
      type: 'error',
      code,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    port.removeAllListeners('message');
  }
}

if (parentPort) await work(parentPort, workerData as CleanWorkerData);
