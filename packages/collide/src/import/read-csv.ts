import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvParser } from './csv-parser.ts';
import { createDecoder, detectEncoding, type TextEncoding } from './decode.ts';
import { batchSize, type ReadOptions, type RowBatch } from './rows.ts';

async function readSample(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The encoding of a CSV file: BOM, strict UTF-8 on the first 64 KiB, else GB18030. */
export async function csvEncoding(path: string): Promise<{ encoding: TextEncoding; bom: number }> {
  return detectEncoding(await readSample(path, 65_536));
}

/** Streams a CSV file's records (header included) in batches, decoding as it goes. */
export async function* readCsv(path: string, options: ReadOptions = {}): AsyncGenerator<RowBatch> {
  const { encoding, bom } = await csvEncoding(path);
  const range = options.range;
  const totalBytes = range ? range.end - range.start : (await stat(path)).size;
  const decoder = createDecoder(encoding);
  const parser = new CsvParser();
  let rowNumber = range ? range.firstRow - 1 : 0;
  let bytesRead = 0;
  let batch: RowBatch = { rows: [], rowNumbers: [] };
  const collect = function* (records: string[][]): Generator<RowBatch> {
    for (const record of records) {
      batch.rows.push(record);
      batch.rowNumbers.push(++rowNumber);
      if (batch.rows.length >= batchSize) {
        yield batch;
        batch = { rows: [], rowNumbers: [] };
      }
    }
  };
  const stream = range
    ? createReadStream(path, {
        start: Math.max(bom, range.start),
        end: range.end - 1,
        highWaterMark: 1 << 20,
      })
    : createReadStream(path, { start: bom, highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    yield* collect(parser.push(decoder.write(chunk)));
    options.onProgress?.({ bytesRead, totalBytes, rowsRead: rowNumber - (range ? range.firstRow - 1 : 0) });
  }
  yield* collect(parser.push(decoder.end()));
  yield* collect(parser.end());
  if (batch.rows.length > 0) yield batch;
  options.onProgress?.({ bytesRead, totalBytes, rowsRead: rowNumber - (range ? range.firstRow - 1 : 0) });
}
