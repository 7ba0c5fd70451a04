import type { Death, Payment, Pension, Spell } from './scenarios.ts';

export interface ReferenceHit {
  count: number;
  fen: number;
}

/**
 * prisoner-subsidy in plain TypeScript on the generator's clean values, written independently of
 * the engine: a payment counts when admitted ≤ paid ≤ released (open end = still in prison).
 */
export function referencePrisonerSubsidy(
  spells: Spell[],
  payments: Iterable<Payment>,
): Map<string, ReferenceHit> {
  const spellsOf = new Map<string, Spell[]>();
  for (const spell of spells) spellsOf.set(spell.idNumber, [...(spellsOf.get(spell.idNumber) ?? []), spell]);
  const hits = new Map<string, ReferenceHit>();
  for (const payment of payments) {
    if (payment.spoiled) continue;
    const inside = (spellsOf.get(payment.idNumber) ?? []).some(
      (s) => s.admitted <= payment.paidDate && (s.released === null || payment.paidDate <= s.released),
    );
    if (!inside) continue;
    const hit = hits.get(payment.idNumber) ?? { count: 0, fen: 0 };
    hit.count++;
    hit.fen += payment.fen;
    hits.set(payment.idNumber, hit);
  }
  return hits;
}

/** deceased-pension in plain TypeScript: a pension for a month after the month of death. */
export function referenceDeceasedPension(deaths: Death[], pensions: Pension[]): Map<string, ReferenceHit> {
  const deathMonth = new Map(deaths.map((d) => [d.idNumber, d.deathDate.slice(0, 7)]));
  const hits = new Map<string, ReferenceHit>();
  for (const pension of pensions) {
    const died = deathMonth.get(pension.idNumber);
    if (pension.spoiled || died === undefined || pension.payMonth <= died) continue;
    const hit = hits.get(pension.idNumber) ?? { count: 0, fen: 0 };
    hit.count++;
    hit.fen += pension.fen;
    hits.set(pension.idNumber, hit);
  }
  return hits;
}
