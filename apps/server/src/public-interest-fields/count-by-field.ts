import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { isPilCaseType, pilFieldIds, pilFields } from '@procura/domain/public-interest-fields';
import { and, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import type { TFieldCountQuery, TFieldCounts } from './schema.ts';

const { cases, clues, departments } = schema;

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
