import { cleanAmount } from '@procura/domain/clean/amount';
import { parseDateDays } from '@procura/domain/clean/date';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { parseMonthDays } from '@procura/domain/clean/month';
import { cleanName } from '@procura/domain/clean/name';
import { cleanText, cleanVehicleCode } from '@procura/domain/clean/vehicle';
import { cellText } from '@procura/domain/clean/width';
import type { ColumnType } from './columns.ts';

/** A cleaned cell as plain data (dates and months: day numbers; amounts: fen), or why not. */
export type CellResult =
  | { ok: true; value: string | number; problem?: string }
  | { ok: false; reason: string };

const fromDays = (days: number | string): CellResult =>
  typeof days === 'number' ? { ok: true, value: days } : { ok: false, reason: days };

/** A cell from a reader: exceljs hands rich text and formula results as objects. */
const plain = (raw: unknown): unknown =>
  raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? cellText(raw) : raw;

export const cellCleaners: Record<ColumnType, (raw: unknown) => CellResult> = {
  idNumber: (raw) => cleanIdNumber(plain(raw)),
  name: (raw) => cleanName(plain(raw)),
  date: (raw) => fromDays(parseDateDays(plain(raw))),
  month: (raw) => fromDays(parseMonthDays(plain(raw))),
  amount: (raw) => cleanAmount(plain(raw)),
  vehicleCode: (raw) => cleanVehicleCode(plain(raw)),
  text: (raw) => cleanText(plain(raw)),
};

/** Blank: missing, null, or only spaces. */
export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  if (raw.length === 0) return true;
  const first = raw.charCodeAt(0);
  if (first > 0x20 && first !== 0x3000 && first !== 0xa0 && first !== 0xfeff) return false;
  return raw.trim() === '';
}

/** The DuckDB column type of each kind of column. */
export const sqlTypes: Record<ColumnType, string> = {
  idNumber: 'VARCHAR',
  name: 'VARCHAR',
  date: 'DATE',
  month: 'DATE',
  amount: 'BIGINT',
  vehicleCode: 'VARCHAR',
  text: 'VARCHAR',
};
