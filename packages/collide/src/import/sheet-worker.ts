import { parentPort } from 'node:worker_threads';
import { CollideError } from '../errors.ts';
import { readSpreadsheetHere, type SheetWorkerJob, type SheetWorkerMessage } from './spreadsheet.ts';

/** Batches in flight before the worker waits for the main thread (bounded memory). */
const window = 4;

/** Reads one file after another, as the main thread asks (see readSpreadsheet). */
function serve(port: NonNullable<typeof parentPort>) {
  const send = (message: SheetWorkerMessage) => port.postMessage(message);
  let inFlight = 0;
  let wake: (() => void) | undefined;

  async function read(job: Extract<SheetWorkerJob, { type: 'read' }>) {
    inFlight = 0;
    try {
      const batches = readSpreadsheetHere(job.source, {
        ...job.options,
        onProgress: (progress) => send({ type: 'progress', progress }),
      });
      for await (const batch of batches) {
        send({ type: 'batch', batch });
        inFlight++;
        while (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
      }
      send({ type: 'done' });
    } catch (error) {
      send({
        type: 'error',
        code: error instanceof CollideError ? error.code : 'badFile',
        message:
          error instanceof CollideError
            ? error.message
            : `文件 ${job.options.fileName} 无法读取，可能已损坏（${error instanceof Error ? error.message : String(error)}）`,
      });
    }
  }

  port.on('message', (job: SheetWorkerJob) => {
    if (job.type === 'ack') {
      inFlight--;
      wake?.();
    } else void read(job);
  });
}

if (parentPort) serve(parentPort);
