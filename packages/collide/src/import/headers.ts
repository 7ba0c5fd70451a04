import { removeSpaces, toHalfWidth } from '@procura/domain/clean/width';
import { type CanonicalColumn, type ColumnKey, canonicalColumns } from './columns.ts';

/** A header as compared: no spaces, half-width, no unit in brackets (金额（元） → 金额). */
export function normaliseHeader(header: string): string {
  return removeSpaces(toHalfWidth(header))
    .replace(/[(（][^)）]*[)）]$/, '')
    .replace(/[:：*]/g, '')
    .toUpperCase();
}

export interface HeaderMatch {
  /** column key → index in the header row */
  indexes: Partial<Record<ColumnKey, number>>;
  missing: ColumnKey[];
}

/**
 * Finds each wanted column in a header row: an explicit `--map` first, then an exact variant, then
 * a header containing a keyword (金额 in 发放金额). A header is used for one column only.
 */
export function matchHeaders(
  headerRow: readonly string[],
  wanted: readonly ColumnKey[],
  overrides: Partial<Record<ColumnKey, string>> = {},
): HeaderMatch {
  const normalised = headerRow.map((header) => normaliseHeader(header));
  const used = new Set<number>();
  const indexes: Partial<Record<ColumnKey, number>> = {};
  const take = (key: ColumnKey, index: number) => {
    indexes[key] = index;
    used.add(index);
  };
  for (const key of wanted) {
    const override = overrides[key];
    if (override === undefined) continue;
    const index = normalised.indexOf(normaliseHeader(override));
    if (index >= 0) take(key, index);
  }
  for (const key of wanted) {
    if (indexes[key] !== undefined || overrides[key] !== undefined) continue;
    const variants = canonicalColumns[key].headers.map(normaliseHeader);
    const index = normalised.findIndex((header, i) => !used.has(i) && variants.includes(header));
    if (index >= 0) take(key, index);
  }
  for (const key of wanted) {
    if (indexes[key] !== undefined || overrides[key] !== undefined) continue;
    const column: CanonicalColumn = canonicalColumns[key];
    const keywords = column.contains ?? [];
    const index = normalised.findIndex(
      (header, i) => !used.has(i) && keywords.some((k) => header.includes(k)),
    );
    if (index >= 0) take(key, index);
  }
  return { indexes, missing: wanted.filter((key) => indexes[key] === undefined) };
}
