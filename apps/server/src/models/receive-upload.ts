import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileNameProblem } from '@procura/domain/attachments/file-name';
import { DomainError } from '../errors.ts';
import { datasetsDir } from './snapshot-store.ts';

export interface ReceivedFile {
  /** the upload under its own name, in a folder of its own (rejects and evidence name the file) */
  path: string;
  fileName: string;
  contentHash: string;
  size: number;
  remove(): Promise<void>;
}

const extensions = ['.csv', '.txt', '.xlsx', '.xls'];

/** The name the analyst's file had, without any folder part. */
export function safeFileName(name: string): string {
  const badName = fileNameProblem(name);
  if (badName) throw new DomainError('VALIDATION', badName);
  const cleaned = basename(name.replaceAll('\\', '/')).trim();
  const extension = extname(cleaned).toLowerCase();
  if (!cleaned || cleaned.startsWith('.')) throw new DomainError('VALIDATION', '请提供文件名（fileName）');
  if (!extensions.includes(extension)) {
    throw new DomainError(
      'VALIDATION',
      `文件 ${cleaned}：不支持的文件类型 ${extension || '（无扩展名）'}，请上传 .csv、.xlsx 或 .xls 文件`,
    );
  }
  return cleaned;
}

/** Streams the request body to disk, hashing as it goes and refusing beyond the size limit. */
export async function receiveUpload(
  body: Readable,
  options: { fileName: string; maxBytes: number; declaredBytes?: number },
): Promise<ReceivedFile> {
  // Refused before a byte is stored when the client says how much is coming.
  if (options.declaredBytes !== undefined && options.declaredBytes > options.maxBytes) {
    body.resume();
    throw tooLarge(options.fileName, options.maxBytes);
  }
  const folder = join(datasetsDir(), 'incoming', randomUUID());
  await mkdir(folder, { recursive: true });
  const path = join(folder, options.fileName);
  const hash = createHash('sha256');
  let size = 0;
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > options.maxBytes) throw tooLarge(options.fileName, options.maxBytes);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  if (size === 0) {
    await remove();
    throw new DomainError('VALIDATION', `文件 ${options.fileName} 是空文件`);
  }
  return { path, fileName: options.fileName, contentHash: hash.digest('hex'), size, remove };
}

const tooLarge = (fileName: string, maxBytes: number) =>
  new DomainError(
    'PAYLOAD_TOO_LARGE',
    `文件 ${fileName} 超过上传上限 ${Math.round(maxBytes / 1024 / 1024)} MB，请按月份或地区拆分后分别上传`,
  );
