/**
 * Full-width ASCII (U+FF01–U+FF5E) to half-width and the ideographic space to a space.
 * Returns the same string when there is nothing to convert (the common case, no allocation).
 */
export function toHalfWidth(text: string): string {
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Spaces of every kind a spreadsheet produces: ASCII, tab, no-break, ideographic, zero-width. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0xfeff
  );
}

/** Removes every space, wherever it is. */
export function removeSpaces(text: string): string {
  let i = 0;
  for (; i < text.length; i++) if (isSpace(text.charCodeAt(i))) break;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) out += text[i];
  return out;
}

/** A cell's text: strings as they are, numbers printed, null/undefined as ''. */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'object' && 'text' in raw && typeof raw.text === 'string') return raw.text;
  if (typeof raw === 'object' && 'result' in raw) return cellText(raw.result);
  if (typeof raw === 'object' && 'richText' in raw && Array.isArray(raw.richText)) {
    return raw.richText.map((part: { text?: string }) => part.text ?? '').join('');
  }
  return String(raw);
}
