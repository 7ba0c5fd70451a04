import type { Hit } from '@procura/collide';
import { isMinorOn } from '@procura/domain/juvenile/mask';

/**
 * Inputs that are criminal records, and the column that dates each record: a prison spell from
 * its admission, an offence record from its start.
 */
const recordDates: Record<string, string> = { prisoners: 'admitted', records: 'startDate' };

/**
 * Whether a hit rests on a record of something the person did as a minor. Such records are sealed
 * by law when the sentence was five years or less (刑事诉讼法 第二百八十六条); a government list does
 * not say the sentence, so every record dated before the 18th birthday is treated as sealed and the
 * hit is withheld from the analyst (the juvenile department keeps its own records). A record
 * without a date cannot be told apart and stays.
 */
export function restsOnJuvenileRecord(hit: Pick<Hit, 'idNumber' | 'evidence'>): boolean {
  if (!hit.idNumber) return false;
  return hit.evidence.some((row) => {
    const column = recordDates[row.role];
    const date = column ? row.values[column] : null;
    return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && isMinorOn(hit.idNumber, date);
  });
}
