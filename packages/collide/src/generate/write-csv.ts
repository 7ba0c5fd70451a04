import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';

/** Writes CSV lines to a file in UTF-8 (optionally with BOM) or GBK, 1 MB at a time. */
export async function writeCsvLines(
  path: string,
  lines: Iterable<string>,
  encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8',
): Promise<number> {
  const stream = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      // GBK has no ¥ (U+00A5): Chinese software writes the full-width ￥ instead.
      const bytes =
        encoding === 'gbk' ? iconv.encode(text.replaceAll('¥', '￥'), 'gbk') : Buffer.from(text, 'utf8');
      stream.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  if (encoding === 'utf8bom') await write('\ufeff');
  let buffer = '';
  let count = 0;
  for (const line of lines) {
    buffer += `${line}\r\n`;
    count++;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return count;
}
