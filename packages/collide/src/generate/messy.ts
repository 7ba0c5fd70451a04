import { pickFrom } from './random.ts';

const fullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** An id as analysts receive it: Excel's ', spaces, full-width digits, lower-case x, or 15 digits. */
export function messyIdNumber(random: () => number, id: string): string {
  const roll = random();
  if (roll < 0.6) return id;
  if (roll < 0.68) return `'${id}`;
  if (roll < 0.76) return ` ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} `;
  if (roll < 0.84) return fullWidth(id);
  if (roll < 0.92 && id.slice(6, 8) === '19') return id.slice(0, 6) + id.slice(8, 17); // 15 digits
  return id.toLowerCase();
}

export function messyName(random: () => number, name: string): string {
  const roll = random();
  if (roll < 0.8) return name;
  if (roll < 0.9) return `${name[0]} ${name.slice(1)}`;
  return `\u3000${name} `;
}

const excelSerial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

/** A YYYY-MM-DD date in one of the forms the cleaner accepts. */
export function messyDate(random: () => number, iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const form = pickFrom(random, [0, 0, 0, 1, 2, 3, 4, 5, 6]);
  if (form === 0) return iso;
  if (form === 1) return `${y}/${+m}/${+d}`;
  if (form === 2) return `${y}年${+m}月${+d}日`;
  if (form === 3) return `${y}${m}${d}`;
  if (form === 4) return `${y}.${m}.${d}`;
  if (form === 5) return String(excelSerial(iso));
  return `${iso} 00:00:00`;
}

/** A YYYY-MM month in one of the accepted forms. */
export function messyMonth(random: () => number, month: string): string {
  const [y, m] = month.split('-') as [string, string];
  return pickFrom(random, [month, month, `${y}年${+m}月`, `${y}${m}`, `${y}/${+m}`, `${month}-01`]);
}

/** An amount in fen written as analysts write yuan: 680, 1,200.50, ￥680.00, ¥680, 680元, 1.2万. */
export function messyAmount(random: () => number, fen: number): string {
  const yuan = (fen / 100).toFixed(2);
  const roll = random();
  if (roll < 0.4) return fen % 100 === 0 ? String(fen / 100) : yuan;
  if (roll < 0.55) return `"${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"`;
  if (roll < 0.7) return `￥${yuan}`;
  if (roll < 0.8) return `¥${yuan}`;
  if (roll < 0.9) return `${yuan}元`;
  if (fen % 100 === 0) return `${fen / 1_000_000}万`;
  return fullWidth(yuan);
}
