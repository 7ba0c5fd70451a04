import { createHash } from 'node:crypto';
import { type ColumnKey, canonicalColumns, type Hit, isColumnKey, type TModelSpec } from '@procura/collide';

/**
 * The same finding across runs (定期体检): model, subject, match kind and the start of the
 * evidence period (the earliest date or month among the counted rows: the first payment in
 * prison, the first pension month after death). A later data set that still holds those rows
 * gives the same key, so the hit is "seen"; improper payments starting later are a new finding.
 */
export function hitKey(spec: TModelSpec, hit: Hit): string {
  const dated = (
    Object.keys(spec.inputs.find((i) => i.role === spec.subject.facts)!.columns) as string[]
  ).filter(
    (key): key is ColumnKey => isColumnKey(key) && ['date', 'month'].includes(canonicalColumns[key].type),
  );
  let start = '';
  for (const row of hit.evidence) {
    if (row.role !== spec.subject.facts) continue;
    for (const key of dated) {
      const value = row.values[key];
      if (typeof value === 'string' && value && (!start || value < start)) start = value;
    }
  }
  const confidence = hit.confidence === 'exact' ? 'exact' : 'suspected';
  return createHash('sha256').update([spec.id, hit.subject, confidence, start].join('\u0000')).digest('hex');
}
