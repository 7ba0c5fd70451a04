import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { clueOriginKinds, criminalCaseTypes, criminalLines } from '@procura/domain/admin-violation';
import { caseTypes } from '@procura/domain/cases/case-types';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import type { TCriminalOrigin, TCriminalOriginBody, TCriminalOriginResult } from './schema.ts';

const { clues, cases, departments, clueCriminalOrigins: origins } = schema;

type ClueRow = typeof clues.$inferSelect;

/** The clue as its GET reaches it: 404 when missing, out of reach or sealed from the user. */
async function reachClue(db: Executor, id: number, user: SessionUser, lock = false): Promise<ClueRow> {
  const query = db.select().from(clues).where(eq(clues.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, row.caseId))) throw notFound('线索');
  return row;
}

/** A criminal department's clue, or one the criminal line sent (刑检移送), may name its criminal case. */
async function applicable(db: Executor, clue: ClueRow): Promise<boolean> {
  if (clue.source === 'criminalTransfer') return true;
  const [department] = await db
    .select({ line: departments.line })
    .from(departments)
    .where(eq(departments.id, clue.departmentId));
  return (criminalLines as readonly string[]).includes(department?.line ?? '');
}

/** The origin of one clue as the user may see it: the linked case's id only when the user reaches it. */
export async function presentOrigin(
  db: Executor,
  clueId: number,
  user: SessionUser,
): Promise<TCriminalOrigin | null> {
  const [row] = await db.select().from(origins).where(eq(origins.clueId, clueId));
  if (!row) return null;
  let criminalCaseId: number | null = null;
  if (row.criminalCaseId !== null) {
    const [theCase] = await db.select().from(cases).where(eq(cases.id, row.criminalCaseId));
    if (theCase && reaches(user, theCase) && !(await sealedFrom(db, user, theCase.id))) {
      criminalCaseId = theCase.id;
    }
  }
  return {
    clueId: row.clueId,
    kind: row.kind,
    kindLabel: clueOriginKinds[row.kind],
    criminalCaseNumber: row.criminalCaseNumber,
    criminalCaseId,
    note: row.note,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export async function getCriminalOrigin(
  db: Executor,
  id: number,
  user: SessionUser,
): Promise<TCriminalOriginResult> {
  const clue = await reachClue(db, id, user);
  return { applicable: await applicable(db, clue), origin: await presentOrigin(db, id, user) };
}

/**
 * 注明来源刑事案件: the criminal case a clue about an administrative violation came out of, and how
 * (刑事案件中发现…). Set by the criminal department before it transfers the clue (the transfer
 * carries it) or by the receiving department afterwards.
 */
export async function setCriminalOrigin(
  database: Database,
  options: { id: number; input: TCriminalOriginBody; user: SessionUser; ip: string | null },
): Promise<TCriminalOriginResult> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    const clue = await reachClue(tx, id, user, true);
    if (!(await applicable(tx, clue))) {
      throw new DomainError('VALIDATION', '只有刑事检察部门的线索或刑检移送的线索可以注明来源刑事案件');
    }
    let criminalCaseId: number | null = null;
    let criminalCaseNumber = input.criminalCaseNumber ?? '';
    if (input.criminalCaseId !== undefined) {
      const [theCase] = await tx.select().from(cases).where(eq(cases.id, input.criminalCaseId));
      if (!theCase || !reaches(user, theCase) || (await sealedFrom(tx, user, theCase.id))) {
        throw notFound('案件');
      }
      if (!(criminalCaseTypes as readonly string[]).includes(theCase.type)) {
        throw new DomainError(
          'VALIDATION',
          `案件 ${theCase.caseNumber} 是${caseTypes[theCase.type].name}案件，不是刑事案件，请填写刑事案件案号`,
        );
      }
      criminalCaseId = theCase.id;
      criminalCaseNumber = theCase.caseNumber;
    }
    const values = {
      kind: input.kind,
      criminalCaseId,
      criminalCaseNumber,
      note: input.note || null,
      recordedBy: user.id,
      recordedAt: now(),
    };
    await tx
      .insert(origins)
      .values({ clueId: id, ...values })
      .onConflictDoUpdate({ target: origins.clueId, set: values });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.recordCriminalOrigin',
      targetType: 'clue',
      targetId: id,
      ip: options.ip,
      detail: { kind: input.kind, criminalCaseId, criminalCaseNumber },
    });
    return { applicable: true, origin: await presentOrigin(tx, id, user) };
  });
}

/** Inside a transfer's transaction: the clue the receiving department gets keeps the origin. */
export async function copyCriminalOrigin(tx: Executor, fromClueId: number, toClueId: number): Promise<void> {
  const [row] = await tx.select().from(origins).where(eq(origins.clueId, fromClueId));
  if (!row) return;
  await tx.insert(origins).values({ ...row, clueId: toClueId });
}
