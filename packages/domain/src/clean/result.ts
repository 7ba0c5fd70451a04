/** What every cleaner returns: the cleaned value, or the reason (in Chinese) it could not be cleaned. */
export type CleanResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const cleaned = <T>(value: T): CleanResult<T> => ({ ok: true, value });
export const refused = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Shows a raw cell in a reason without flooding it. */
export function quote(raw: unknown): string {
  const text = raw instanceof Date ? raw.toISOString() : String(raw);
  return `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;
}
