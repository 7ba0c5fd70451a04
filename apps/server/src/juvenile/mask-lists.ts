import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { isMinorOn, maskName, maskNamesIn } from '@procura/domain/juvenile/mask';
import { inArray } from 'drizzle-orm';

const juvenileTypes = new Set(['juvenileVictim', 'juvenileSuspect']);

/** Minors' names per case, for the cases given. */
export async function minorNamesByCase(db: Executor, caseIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (caseIds.length === 0) return names;
  const rows = await db
    .select({ caseId: schema.juvenileMinors.caseId, name: schema.juvenileMinors.name })
    .from(schema.juvenileMinors)
    .where(inArray(schema.juvenileMinors.caseId, [...new Set(caseIds)]));
  for (const row of rows) names.set(row.caseId, [...(names.get(row.caseId) ?? []), row.name]);
  return names;
}

/**
 * Lists and exports never show a minor's name (未成年人保护法 第一百零三条): the titles of juvenile
 * cases have the names of the minors registered on them masked (张三 → 张*).
 */
export async function maskCaseTitles<T extends { id: number; type: string; title: string }>(
  db: Executor,
  rows: T[],
): Promise<T[]> {
  const juvenile = rows.filter((r) => juvenileTypes.has(r.type)).map((r) => r.id);
  if (juvenile.length === 0) return rows;
  const names = await minorNamesByCase(db, juvenile);
  return rows.map((r) => (names.has(r.id) ? { ...r, title: maskNamesIn(r.title, names.get(r.id)!) } : r));
}

interface MaskableClue {
  receivedAt: string;
  title: string;
  description: string;
  case: { id: number } | null;
  parties: { kind: string; name: string; idNumber: string | null }[];
}

/**
 * Clues: a person whose id number shows them under 18 on the day the clue came in, or who is a
 * minor on the clue's juvenile case, appears masked, in the party list and in the texts; the id
 * number of a minor is hidden too.
 */
export async function maskClueMinors<T extends MaskableClue>(db: Executor, clues: T[]): Promise<T[]> {
  const caseIds = clues.map((c) => c.case?.id).filter((id): id is number => typeof id === 'number');
  const names = await minorNamesByCase(db, caseIds);
  return clues.map((clue) => {
    const day = clue.receivedAt.slice(0, 10);
    const minors = new Set(clue.case ? (names.get(clue.case.id) ?? []) : []);
    for (const p of clue.parties) if (p.kind === 'person' && isMinorOn(p.idNumber, day)) minors.add(p.name);
    if (minors.size === 0) return clue;
    const list = [...minors];
    return {
      ...clue,
      title: maskNamesIn(clue.title, list),
      description: maskNamesIn(clue.description, list),
      parties: clue.parties.map((p) =>
        p.kind === 'person' && minors.has(p.name) ? { ...p, name: maskName(p.name), idNumber: null } : p,
      ),
    };
  });
}
