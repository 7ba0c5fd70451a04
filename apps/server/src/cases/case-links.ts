import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { isMinorOn } from '@procura/domain/juvenile/mask';
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import * as clock from '../clock.ts';
import type { TClue } from '../clues/schema.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { loadCases } from './present-case.ts';
import { reachCondition } from './record-reach.ts';
import type { TCaseDetail } from './schema.ts';

type TParty = TCaseDetail['parties'][number];

/**
 * The people and organisations of a case: those of the clues it was opened from, once each, as
 * the clue pages show them (a minor masked).
 */
export function caseParties(clues: TClue[]): TParty[] {
  const seen = new Map<string, TParty>();
  for (const clue of clues) {
    for (const party of clue.parties) {
      const key = party.idNumber ? `id:${party.idNumber}` : `${party.kind}:${party.name}`;
      if (!seen.has(key)) seen.set(key, party);
    }
  }
  return [...seen.values()];
}

/**
 * Other cases about the same adult (公民身份号码) or the same organisation, as far as the user
 * reaches them: a prosecutor sees that the company in this suit is also in a case of the
 * department. Minors are never matched across cases, and sealed records never appear.
 */
export async function relatedCases(
  db: Executor,
  options: { caseId: number; parties: TParty[]; user: SessionUser },
): Promise<TCaseDetail['relatedCases']> {
  const today = clock.today();
  const idNumbers = options.parties.flatMap((p) =>
    p.kind === 'person' && p.idNumber && !isMinorOn(p.idNumber, today) ? [p.idNumber] : [],
  );
  const organisations = options.parties.filter((p) => p.kind === 'organisation').map((p) => p.name);
  const matches: SQL[] = [];
  if (idNumbers.length > 0) matches.push(inArray(schema.clueParties.idNumber, idNumbers));
  if (organisations.length > 0) {
    matches.push(
      and(eq(schema.clueParties.kind, 'organisation'), inArray(schema.clueParties.name, organisations))!,
    );
  }
  if (matches.length === 0) return [];
  const { cases, clues, clueParties } = schema;
  const rows = await db
    .selectDistinct({ caseId: cases.id, name: clueParties.name })
    .from(clueParties)
    .innerJoin(clues, eq(clues.id, clueParties.clueId))
    .innerJoin(cases, eq(cases.id, clues.caseId))
    .where(
      and(
        or(...matches),
        ne(cases.id, options.caseId),
        reachCondition(options.user, cases),
        notSealedFor(options.user, cases.id),
      ),
    )
    .limit(50);
  const shared = new Map<number, Set<string>>();
  for (const row of rows) shared.set(row.caseId, (shared.get(row.caseId) ?? new Set()).add(row.name));
  const found = await loadCases(
    db,
    [...shared.keys()].sort((a, b) => b - a),
  );
  return found.map((c) => ({
    id: c.id,
    caseNumber: c.caseNumber,
    title: c.title,
    department: c.department.name,
    stageLabel: c.stageLabel,
    shared: [...(shared.get(c.id) ?? [])],
  }));
}
