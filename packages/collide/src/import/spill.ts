import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from '../output/csv-text.ts';
import type { CleanChunk } from './clean-rows.ts';

/**
 * Cleaned rows written by a worker as plain CSV (row number, then the model's columns; day numbers
 * and fen as integers) for DuckDB's own parallel CSV reader: the main thread does no per-row work.
 */
export class SpillFile {
  readonly path = join(
    tmpdir(),
    `procura-collide-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`,
  );
  private readonly fd = openSync(this.path, 'w');
  rows = 0;
  private closed = false;

  write(chunk: CleanChunk): void {
    let text = '';
    for (let i = 0; i < chunk.size; i++) {
      text += chunk.rowNumbers[i];
      for (const column of chunk.columns) {
        const value = column[i];
        text +=
          value === null || value === undefined
            ? ','
            : typeof value === 'number'
              ? `,${value}`
              : `,${csvField(value)}`;
      }
      text += '\n';
    }
    writeSync(this.fd, text);
    this.rows += chunk.size;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** After a failure: close and delete. */
  discard(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
