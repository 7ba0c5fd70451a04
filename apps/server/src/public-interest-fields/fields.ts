import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import {
  isPilCaseType,
  pilFieldIds,
  pilFieldProblem,
  pilFields,
  type TPilField,
} from '@procura/domain/public-interest-fields';
import { and, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition, reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { notSealedFor, sealedFrom } from '../juvenile/scope.ts';
import type { TFieldCountQuery, TFieldCounts } from './schema.ts';

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

/**
 * Public-interest cases and clues by field, in the user's reach (the cockpit's figures): every
 * field, with zeroes, then those not yet set (field null, 未填写).
 */
export async function countByField(
  db: Executor,
  user: SessionUser,
  query: TFieldCountQuery,
): Promise<TFieldCounts> {
  const pilTypes = Object.values(schema.cases.type.enumValues).filter((t) => isPilCaseType(t));
  const caseWhere: (SQL | undefined)[] = [
    reachCondition(user, cases),
    notSealedFor(user, cases.id),
    inArray(cases.type, pilTypes),
  ];
  const clueWhere: (SQL | undefined)[] = [
    reachCondition(user, clues),
    eq(departments.line, 'publicInterest'),
  ];
  if (query.from) {
    caseWhere.push(gte(cases.openedAt, chinaDayStart(query.from)));
    clueWhere.push(gte(clues.receivedAt, chinaDayStart(query.from)));
  }
  if (query.to) {
    caseWhere.push(lt(cases.openedAt, chinaDayAfter(query.to)));
    clueWhere.push(lt(clues.receivedAt, chinaDayAfter(query.to)));
  }
  const [caseRows, clueRows] = await Promise.all([
    db
      .select({ field: cases.pilField, n: count() })
      .from(cases)
      .where(and(...caseWhere))
      .groupBy(cases.pilField),
    db
      .select({ field: clues.pilField, n: count() })
      .from(clues)
      .innerJoin(departments, eq(departments.id, clues.departmentId))
      .where(and(...clueWhere))
      .groupBy(clues.pilField),
  ]);
  const casesBy = new Map(caseRows.map((r) => [r.field, Number(r.n)]));
  const cluesBy = new Map(clueRows.map((r) => [r.field, Number(r.n)]));
  return {
    items: [...pilFieldIds, null].map((field) => ({
      field,
      label: field ? pilFields[field] : '未填写',
      cases: casesBy.get(field) ?? 0,
      clues: cluesBy.get(field) ?? 0,
    })),
  };
}
