import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { inertCellText } from '@procura/domain/export/inert-cell';
import { CollideError } from '../errors.ts';
import type { Reject } from '../import/clean-rows.ts';
import { evidenceJson, type Hit } from '../run/hit.ts';
import { csvLine } from './csv-text.ts';
import { hitHeaders, hitRow } from './hit-rows.ts';

const bom = '\ufeff';

async function writeLines(path: string, lines: Iterable<string | Uint8Array>): Promise<void> {
  const stream = createWriteStream(path);
  for (const line of lines) {
    if (!stream.write(line)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

const comma = Buffer.from(',');
const lineEnd = Buffer.from(']}\n');

/**
 * Hits as JSON lines, in blocks of about 4 MB; evidence still in DuckDB's JSON (UTF-8 bytes) is
 * copied as it is, neither decoded nor parsed.
 */
function* jsonLines(hits: Hit[]): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  const add = (part: Uint8Array) => {
    parts.push(part);
    size += part.length;
  };
  for (const hit of hits) {
    const raw = (hit as Partial<Record<typeof evidenceJson, Uint8Array[]>>)[evidenceJson];
    if (!raw) add(Buffer.from(`${JSON.stringify(hit)}\n`));
    else {
      const { subject, idNumber, name, count, amount, confidence, explanation } = hit;
      const head = JSON.stringify({ subject, idNumber, name, count, amount, confidence, explanation });
      add(Buffer.from(`${head.slice(0, -1)},"evidence":[`));
      let first = true;
      for (const json of raw) {
        if (json.length <= 2) continue; // []
        if (!first) add(comma);
        add(json.subarray(1, -1));
        first = false;
      }
      add(lineEnd);
    }
    if (size >= 4 << 20) {
      yield Buffer.concat(parts);
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}

/** Writes hits as .jsonl (one hit a line), .csv (UTF-8 with BOM, Chinese headers) or .xlsx. */
export async function writeHits(path: string, hits: Hit[]): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl') {
    await writeLines(path, jsonLines(hits));
    return;
  }
  if (extension === '.csv') {
    await writeLines(
      path,
      (function* () {
        yield bom + csvLine(hitHeaders);
        for (const [i, hit] of hits.entries()) yield csvLine(hitRow(hit, i));
      })(),
    );
    return;
  }
  if (extension === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('命中');
    sheet.columns = hitHeaders.map((header, i) => ({ header, width: [6, 21, 10, 21, 6, 14, 12, 60, 40][i] }));
    for (const [i, hit] of hits.entries()) {
      const cells = hitRow(hit, i).map((cell) => (typeof cell === 'string' ? inertCellText(cell) : cell));
      sheet.addRow(cells).commit();
    }
    sheet.commit();
    await workbook.commit();
    return;
  }
  throw new CollideError(
    'badFile',
    `不支持的输出格式 ${extension || '（无扩展名）'}：请用 .jsonl、.csv 或 .xlsx`,
  );
}

/** Where the rejects of an output go: out.csv → out.rejects.csv. */
export const rejectsPath = (out: string): string =>
  `${out.slice(0, out.length - extname(out).length)}.rejects.csv`;

/** Writes the rejects report (UTF-8 with BOM, Chinese headers). */
export async function writeRejects(path: string, rejects: Reject[]): Promise<void> {
  const lines = [bom + csvLine(['输入', '文件', '行号', '列', '原值', '原因', '处理'])];
  for (const r of rejects) {
    lines.push(
      csvLine([r.role, r.file, r.row, r.column, r.value, r.reason, r.kept ? '已保留（标记）' : '已剔除']),
    );
  }
  await writeFile(path, lines.join(''));
}
