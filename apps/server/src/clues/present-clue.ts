import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { clueSources, clueStatuses } from '@procura/domain/cases/clue-sources';
import { pilFieldLabel } from '@procura/domain/public-interest-fields';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskClueMinors } from '../juvenile/mask-lists.ts';
import type { TClue, TClueTransfer, TParty } from './schema.ts';

const { clues, clueParties, departments, users, cases } = schema;

/** Clues by id with their department, handler, case and parties, in the order asked. */
export async function loadClues(db: Executor, ids: number[]): Promise<TClue[]> {
  if (ids.length === 0) return [];
  const [rows, parties] = await Promise.all([
    db
      .select({
        clue: clues,
        department: { id: departments.id, name: departments.name },
        handler: { id: users.id, name: users.displayName },
        caseNumber: cases.caseNumber,
      })
      .from(clues)
      .innerJoin(departments, eq(departments.id, clues.departmentId))
      .leftJoin(users, eq(users.id, clues.handlerId))
      .leftJoin(cases, eq(cases.id, clues.caseId))
      .where(inArray(clues.id, ids)),
    db.select().from(clueParties).where(inArray(clueParties.clueId, ids)).orderBy(clueParties.id),
  ]);
  const partiesOf = new Map<number, TParty[]>();
  for (const p of parties) {
    const list = partiesOf.get(p.clueId) ?? [];
    list.push({ kind: p.kind, name: p.name, idNumber: p.idNumber });
    partiesOf.set(p.clueId, list);
  }
  const byId = new Map<number, TClue>(
    rows.map(({ clue, department, handler, caseNumber }) => [
      clue.id,
      {
        id: clue.id,
        source: clue.source,
        sourceLabel: clueSources[clue.source],
        title: clue.title,
        description: clue.description,
        pilField: clue.pilField,
        pilFieldLabel: pilFieldLabel(clue.pilField),
        department,
        handler: handler?.id ? { id: handler.id, name: handler.name } : null,
        status: clue.status,
        statusLabel: clueStatuses[clue.status],
        receivedAt: clue.receivedAt.toISOString(),
        assessmentDueOn: clue.assessmentDueOn,
        declineReason: clue.declineReason,
        case: clue.caseId && caseNumber ? { id: clue.caseId, caseNumber } : null,
        parties: partiesOf.get(clue.id) ?? [],
        createdAt: clue.createdAt.toISOString(),
      } satisfies TClue,
    ]),
  );
  // Minors' names never appear in a list or on the clue page (未成年人保护法 第一百零三条).
  return maskClueMinors(
    db,
    ids.map((id) => byId.get(id)).filter((c): c is TClue => Boolean(c)),
  );
}

const fromDepartment = alias(departments, 'from_department');
const toDepartment = alias(departments, 'to_department');

export function selectTransfers(db: Executor) {
  return db
    .select({
      transfer: schema.clueTransfers,
      from: { id: fromDepartment.id, name: fromDepartment.name },
      to: { id: toDepartment.id, name: toDepartment.name },
    })
    .from(schema.clueTransfers)
    .innerJoin(fromDepartment, eq(fromDepartment.id, schema.clueTransfers.fromDepartmentId))
    .leftJoin(toDepartment, eq(toDepartment.id, schema.clueTransfers.toDepartmentId));
}

type TransferRow = Awaited<ReturnType<ReturnType<typeof selectTransfers>['execute']>>[number];

export function presentTransfer({ transfer, from, to }: TransferRow): TClueTransfer {
  return {
    id: transfer.id,
    clueId: transfer.clueId,
    fromDepartment: from,
    toDepartment: to?.id ? { id: to.id, name: to.name } : null,
    toOutsideBody: transfer.toOutsideBody,
    receivedClueId: transfer.receivedClueId,
    reason: transfer.reason,
    transferredAt: transfer.transferredAt.toISOString(),
    receivedAt: transfer.receivedAt?.toISOString() ?? null,
    receivedBy: transfer.receivedBy,
    feedback: transfer.feedback,
    feedbackAt: transfer.feedbackAt?.toISOString() ?? null,
  };
}
