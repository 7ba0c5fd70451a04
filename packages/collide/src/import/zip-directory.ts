import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { inflateRawSync } from 'node:zlib';

/**
 * A zip archive (an .xlsx, a .docx) read by its central directory, without inflating anything:
 * what each part says it holds, so a zip bomb is refused before a byte is inflated.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Where the archive's bytes are: in memory or in a file. */
export type ZipSource = { bytes: Uint8Array } | { path: string };

/** Thrown when the bytes are not a zip archive we can read; the caller says which file. */
export class NotAZipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAZipError';
  }
}

/** At most this many parts: an Office file has a few dozen. */
const maxEntries = 65_536;
const maxDirectoryBytes = 16 << 20;

interface Reader {
  size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

function openReader(source: ZipSource): Reader {
  if ('bytes' in source) {
    const bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    return {
      size: bytes.length,
      read: (position, length) => bytes.subarray(position, position + length),
      close: () => {},
    };
  }
  const fd = openSync(source.path, 'r');
  return {
    size: fstatSync(fd).size,
    read(position, length) {
      const buffer = Buffer.alloc(length);
      const read = readSync(fd, buffer, 0, length, position);
      return buffer.subarray(0, read);
    },
    close: () => closeSync(fd),
  };
}

/** The parts of a zip, from its central directory. Throws NotAZipError when there is none. */
export function zipEntries(source: ZipSource): ZipEntry[] {
  const reader = openReader(source);
  try {
    return readDirectory(reader);
  } finally {
    reader.close();
  }
}

function readDirectory(reader: Reader): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes, after it a comment of at most 65,535.
  const tailLength = Math.min(reader.size, 22 + 65_535);
  const tail = reader.read(reader.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new NotAZipError('找不到 zip 目录');
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // Zip64: a locator 20 bytes before the record points at the zip64 end record.
    const locatorAt = reader.size - tailLength + end - 20;
    const locator = locatorAt >= 0 ? reader.read(locatorAt, 20) : Buffer.alloc(0);
    if (locator.length < 20 || locator.readUInt32LE(0) !== 0x07064b50)
      throw new NotAZipError('zip64 目录损坏');
    const record = reader.read(Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw new NotAZipError('zip64 目录损坏');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > maxEntries || directorySize > maxDirectoryBytes) {
    throw new NotAZipError(`zip 目录过大（${count} 个部件）`);
  }
  const directory = reader.read(directoryOffset, directorySize);
  if (directory.length < directorySize) throw new NotAZipError('zip 目录被截断');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) {
      throw new NotAZipError('zip 目录损坏');
    }
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64 sizes live in extra field 0x0001, in this order, for the fields that overflowed.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = directory.readUInt16LE(extra);
      const size = directory.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          const value = Number(directory.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * One small part inflated in memory (for [Content_Types].xml and the like): never more than
 * `maxBytes`, whatever the directory says.
 */
export function readZipEntry(source: ZipSource, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.uncompressedSize > maxBytes) throw new NotAZipError(`${entry.name} 过大`);
  const reader = openReader(source);
  try {
    const header = reader.read(entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new NotAZipError('zip 部件损坏');
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = reader.read(start, entry.compressedSize);
    if (entry.method === 0) return raw.subarray(0, maxBytes);
    if (entry.method !== 8) throw new NotAZipError(`不支持的压缩方式 ${entry.method}`);
    try {
      return inflateRawSync(raw, { maxOutputLength: maxBytes });
    } catch {
      throw new NotAZipError(`${entry.name} 无法解压或过大`);
    }
  } finally {
    reader.close();
  }
}

/**
 * Passes an inflating part through, and fails it as soon as it yields more than `maxBytes`: the
 * directory's sizes are what the file claims, this is what it does.
 */
export function byteLimit(maxBytes: number, onExceeded: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(onExceeded());
      else callback(null, chunk);
    },
  });
}
