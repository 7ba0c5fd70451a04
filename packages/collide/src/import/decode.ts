import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'gb18030';

/**
 * UTF-8 (with or without BOM) when a sample decodes strictly as UTF-8, otherwise GB18030 (a superset
 * of GBK and GB2312, what Chinese Excel and WPS write as "ANSI").
 */
export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

/** A stateful decoder: multi-byte characters split across chunks come out whole. */
export function createDecoder(encoding: TextEncoding): { write(chunk: Uint8Array): string; end(): string } {
  if (encoding === 'utf8') {
    const decoder = new TextDecoder('utf-8');
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const native = nativeGb18030();
  if (native) return { write: (chunk) => native.decode(chunk, { stream: true }), end: () => native.decode() };
  const decoder = iconv.getDecoder('gb18030');
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/** Node's own GB18030 decoder (full ICU, the default build) is about 3× faster than iconv-lite. */
function nativeGb18030(): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder('gb18030');
  } catch {
    return null; // Node built with small ICU: iconv-lite
  }
}
