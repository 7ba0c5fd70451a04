/** Calendar arithmetic on 'YYYY-MM-DD' dates (periods are [from, to): `to` is the day after). */

const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Days in [from, to); 0 when to is not after from. */
export function daysBetween(from: string, to: string): number {
  return Math.max(dayNumber(to) - dayNumber(from), 0);
}

/** The overlap of two [from, to) ranges, or null when they do not meet. */
export function overlap(
  a: { from: string; to: string },
  b: { from: string; to: string },
): { from: string; to: string } | null {
  const [, from = a.from] = [a.from, b.from].sort();
  const [to = a.to] = [a.to, b.to].sort();
  return from < to ? { from, to } : null;
}

/** The quarters [from, to) of a period, for the trend ('2026Q1'…). */
export function quartersOf(period: {
  from: string;
  to: string;
}): { label: string; from: string; to: string }[] {
  const result: { label: string; from: string; to: string }[] = [];
  let year = Number(period.from.slice(0, 4));
  let quarter = Math.floor((Number(period.from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const from = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    if (from >= period.to) break;
    const nextYear = quarter === 3 ? year + 1 : year;
    const nextQuarter = (quarter + 1) % 4;
    const to = `${nextYear}-${String(nextQuarter * 3 + 1).padStart(2, '0')}-01`;
    const part = overlap({ from, to }, period);
    if (part) result.push({ label: `${year}年第${quarter + 1}季度`, ...part });
    year = nextYear;
    quarter = nextQuarter;
  }
  return result;
}
