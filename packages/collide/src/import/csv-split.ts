import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A part of a CSV file that starts and ends on a record boundary; `firstRow` as Excel numbers it. */
export interface CsvRange {
  start: number;
  end: number;
  firstRow: number;
}

/**
 * Splits a CSV file into `parts` byte ranges on record boundaries (a newline outside quotes), and
 * counts the records before each so that row numbers stay those of the whole file. Works on bytes:
 * `"` and newline never occur inside a UTF-8 or GBK multi-byte character.
 */
export async function splitCsv(path: string, parts: number, dataStart: number): Promise<CsvRange[]> {
  const size = (await stat(path)).size;
  const targets = Array.from({ length: parts - 1 }, (_, i) => Math.floor(((i + 1) * size) / parts));
  const ranges: CsvRange[] = [];
  let start = dataStart;
  let firstRow = 1;
  let records = 0;
  let quotes = 0;
  let offset = dataStart;
  for await (const chunk of createReadStream(path, {
    start: dataStart,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let from = 0;
    let quote = chunk.indexOf(34); // next quote in this chunk, -1 when none is left
    for (;;) {
      const newline = chunk.indexOf(10, from);
      const segmentEnd = newline < 0 ? chunk.length : newline;
      while (quote >= 0 && quote < segmentEnd) {
        quotes++;
        quote = chunk.indexOf(34, quote + 1);
      }
      if (newline < 0) break;
      from = newline + 1;
      if (quotes % 2 !== 0) continue; // newline inside a quoted field
      records++;
      const at = offset + from;
      if (targets.length > 0 && at >= targets[0]! && at < size) {
        targets.shift();
        ranges.push({ start, end: at, firstRow });
        start = at;
        firstRow = records + 1;
      }
    }
    offset += chunk.length;
  }
  ranges.push({ start, end: size, firstRow });
  return ranges;
}
