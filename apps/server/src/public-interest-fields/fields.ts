import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  isPilCaseType,
  pilFieldMissing,
  pilFieldProblem,
  type TPilField,
} from '@procura/domain/public-interest-fields';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';

const { cases, clues, departments } = schema;

/** The case as GET /api/cases/:id reaches it: 404 when missing, out of reach or sealed from the user. */
export async function reachCase(db: Executor, id: number, user: SessionUser) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, id))) throw notFound('案件');
  return row;
}

/** 修改公益诉讼领域 of a case: public-interest types only; audited with the old and new value. */
export async function setCasePilField(
  database: Database,
  options: { id: number; pilField: TPilField | null; user: SessionUser; ip: string | null },
): Promise<void> {
  const { id, pilField, user, ip } = options;
  await database.db.transaction(async (tx) => {
    const row = await reachCase(tx, id, user);
    if (!isPilCaseType(row.type)) throw new DomainError('VALIDATION', pilFieldProblem(row.type, 'other')!);
    // Required when the case is opened: it can be changed, never cleared.
    if (pilField === null) throw new DomainError('VALIDATION', cleared('公益诉讼案件'));
    await tx.update(cases).set({ pilField, updatedAt: now() }).where(eq(cases.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.setPilField',
      targetType: 'case',
      targetId: id,
      ip,
      detail: { from: row.pilField, to: pilField },
    });
  });
}

/** 修改公益诉讼领域 of a clue: clues of a public-interest department only. */
export async function setCluePilField(
  database: Database,
  options: { id: number; pilField: TPilField | null; user: SessionUser; ip: string | null },
): Promise<void> {
  const { id, pilField, user, ip } = options;
  await database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ clue: clues, line: departments.line, department: departments.name })
      .from(clues)
      .innerJoin(departments, eq(departments.id, clues.departmentId))
      .where(eq(clues.id, id));
    if (!row || !reaches(user, row.clue) || (await sealedFrom(tx, user, row.clue.caseId)))
      throw notFound('线索');
    if (row.line !== 'publicInterest') {
      throw new DomainError('VALIDATION', `只有公益诉讼部门的线索填写公益诉讼领域，${row.department}不是`);
    }
    if (pilField === null) throw new DomainError('VALIDATION', cleared('公益诉讼线索'));
    await tx.update(clues).set({ pilField, updatedAt: now() }).where(eq(clues.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.setPilField',
      targetType: 'clue',
      targetId: id,
      ip,
      detail: { from: row.clue.pilField, to: pilField },
    });
  });
}

/** The refusal of clearing the field: it is required when the case or clue is opened. */
function cleared(what: string): string {
  return `${what}的公益诉讼领域不能清空，只能改为其他领域。${pilFieldMissing(what)}`;
}
