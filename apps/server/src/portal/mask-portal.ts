import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { isMinorOn, maskNamesIn } from '@procura/domain/juvenile/mask';
import { and, eq } from 'drizzle-orm';
import { minorNamesByCase } from '../juvenile/mask-lists.ts';

const juvenileTypes = new Set(['juvenileVictim', 'juvenileSuspect']);

/**
 * The names an outside organisation must never read in a suggestion of this case
 * (未成年人保护法 第一百零三条): the minors registered on the case; the persons among the parties of
 * the case's clues who were under 18 when the clue came in; and, on a juvenile case, every person
 * party of its clues.
 */
export async function namesToMask(db: Executor, caseId: number): Promise<string[]> {
  const [theCase] = await db
    .select({ type: schema.cases.type })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId));
  const names = new Set((await minorNamesByCase(db, [caseId])).get(caseId) ?? []);
  const parties = await db
    .select({
      name: schema.clueParties.name,
      idNumber: schema.clueParties.idNumber,
      receivedAt: schema.clues.receivedAt,
    })
    .from(schema.clueParties)
    .innerJoin(schema.clues, eq(schema.clues.id, schema.clueParties.clueId))
    .where(and(eq(schema.clues.caseId, caseId), eq(schema.clueParties.kind, 'person')));
  const juvenile = juvenileTypes.has(theCase?.type ?? '');
  for (const p of parties) {
    if (juvenile || isMinorOn(p.idNumber, chinaDate(p.receivedAt))) names.add(p.name);
  }
  return [...names];
}

/** The texts of a suggestion as the portal shows them: those names masked (张小明 → 张**). */
export async function maskForPortal<T extends Record<string, unknown>>(
  db: Executor,
  caseId: number,
  texts: T,
  fields: readonly (keyof T)[],
): Promise<T> {
  const names = await namesToMask(db, caseId);
  if (names.length === 0) return texts;
  const out = { ...texts };
  for (const field of fields) {
    const value = out[field];
    if (typeof value === 'string') out[field] = maskNamesIn(value, names) as T[keyof T];
  }
  return out;
}
