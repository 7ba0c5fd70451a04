import { PassThrough } from 'node:stream';
import { chinaDate } from '@procura/domain/china-time';
import type { FastifyReply } from 'fastify';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { contentDisposition, writeXlsx, type XlsxSheet, xlsxMime } from './write-xlsx.ts';

/** Most rows one export may hold: beyond it the user narrows the filter. */
export const exportRowLimit = 100_000;

/** Refuses, in Chinese, an export with more rows than the limit. */
export function assertExportable(rows: number, limit = exportRowLimit): void {
  if (rows <= limit) return;
  throw new DomainError(
    'VALIDATION',
    `符合条件的记录共 ${rows.toLocaleString('en')} 条，超过单次导出上限 ${limit.toLocaleString('en')} 条，请缩小筛选范围（部门、日期等）后分批导出`,
    { rows, limit },
  );
}

/** 案件列表_2026-03-05.xlsx: the name of an export made today (in China). */
export function exportFileName(title: string, at = now()): string {
  return `${title}_${chinaDate(at)}.xlsx`;
}

/**
 * Streams a sheet as the reply: headers first (the Chinese file name in filename*), then rows as
 * they are read. Check and audit before calling: once streaming starts, an error can only cut
 * the download short.
 */
export function sendXlsx<Row>(
  reply: FastifyReply,
  options: { fileName: string; asciiFileName: string; sheet: XlsxSheet<Row> },
): FastifyReply {
  const output = new PassThrough();
  writeXlsx(output, options.sheet).catch((error: unknown) => {
    reply.log.error({ err: error }, 'xlsx export failed while streaming');
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .header('content-type', xlsxMime)
    .header('content-disposition', contentDisposition(options.fileName, options.asciiFileName))
    .header('cache-control', 'no-store')
    .send(output);
}
