import { CollideError } from '../errors.ts';
import type { ZipEntry } from './zip-directory.ts';

/**
 * How much one spreadsheet may cost the server. A 714 KB workbook can hold 200 MB of sheet XML
 * (a zip bomb): sizes and ratios are checked from the zip directory before anything is inflated,
 * rows and columns while streaming, and the reading runs on a worker with a memory cap and a
 * time limit (see readSpreadsheet).
 */
export interface SheetLimits {
  /** all parts together, inflated */
  maxUncompressedBytes: number;
  /** inflated : compressed, for parts over 1 MB inflated (real sheets stay far below 100) */
  maxRatio: number;
  maxRows: number;
  maxColumns: number;
  /** wall time of the whole read */
  timeoutMs: number;
  /** the reading worker's heap */
  maxMemoryMb: number;
}

/** Data sets for the collision models: as large as Excel itself allows. */
export const datasetSheetLimits: SheetLimits = {
  maxUncompressedBytes: 4 * 1024 ** 3,
  maxRatio: 100,
  maxRows: 1_048_576,
  maxColumns: 1024,
  timeoutMs: 30 * 60_000,
  maxMemoryMb: 1024,
};

/** Forms uploaded through the web (employment checks, offence records, holiday calendars). */
export const formSheetLimits: SheetLimits = {
  maxUncompressedBytes: 64 << 20,
  maxRatio: 100,
  maxRows: 200_000,
  maxColumns: 256,
  timeoutMs: 60_000,
  maxMemoryMb: 256,
};

/** Parts this small may compress as well as they like. */
const ratioFloor = 1 << 20;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 << 20 ? 1 : 0)} MB`;

/** Refuses, naming the file, an archive whose directory promises more than the limits allow. */
export function checkZipLimits(entries: ZipEntry[], fileName: string, limits: SheetLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > ratioFloor && ratio > limits.maxRatio) {
      throw new CollideError(
        'tooLarge',
        `文件 ${fileName} 中的 ${entry.name} 压缩比异常（${Math.round(ratio)} 倍，上限 ${limits.maxRatio} 倍，解压后 ${mb(entry.uncompressedSize)}），可能是“压缩炸弹”，已拒绝读取`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new CollideError(
      'tooLarge',
      `文件 ${fileName} 解压后共 ${mb(total)}，超过上限 ${mb(limits.maxUncompressedBytes)}，已拒绝读取：请拆分后分别上传`,
    );
  }
}

export const tooManyRows = (fileName: string, row: number, limits: SheetLimits) =>
  new CollideError(
    'tooLarge',
    `文件 ${fileName} 超过 ${limits.maxRows.toLocaleString('en-US')} 行的上限（读到第 ${row.toLocaleString('en-US')} 行），请拆分后分别上传`,
  );

export const tooManyColumns = (fileName: string, row: number, columns: number, limits: SheetLimits) =>
  new CollideError(
    'tooLarge',
    `文件 ${fileName} 第 ${row} 行有 ${columns} 列，超过 ${limits.maxColumns} 列的上限`,
  );

export const tooSlow = (fileName: string, limits: SheetLimits) =>
  new CollideError(
    'tooLarge',
    `读取文件 ${fileName} 超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止：请检查文件或拆分后再上传`,
  );

export const tooMuchMemory = (fileName: string, limits: SheetLimits) =>
  new CollideError(
    'tooLarge',
    `读取文件 ${fileName} 所需内存超过上限（${limits.maxMemoryMb} MB），已停止：请拆分后再上传`,
  );

export const lyingPart = (fileName: string, part: string) =>
  new CollideError(
    'tooLarge',
    `文件 ${fileName} 中的 ${part} 解压后比目录所记大小更大，文件已损坏或被篡改，已拒绝读取`,
  );
