import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { maskNamesIn } from '@procura/domain/juvenile/mask';
import { sealingBasis, sealingBasisLabels } from '@procura/domain/juvenile/sealing';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { sealQueryAwaitingDecisionBy } from './awaiting-decision.ts';
import { minorNamesByCase } from './mask-lists.ts';
import { countSealQueries, presentSealQueries } from './present-seal-query.ts';
import type { TSealedRegister, TSealedRegisterQuery } from './schema.ts';
import { maySeeSealed } from './scope.ts';

const { juvenileSealings, cases, users } = schema;

/** The query requests the register lists: on records still sealed, awaiting me when asked so. */
function sealQueryFilter(query: TSealedRegisterQuery, user: SessionUser): SQL | undefined {
  return and(
    isNull(juvenileSealings.unsealedAt),
    query.awaiting ? sealQueryAwaitingDecisionBy(user) : undefined,
  );
}

/** How many query requests the register lists for this query and user (the workbench's count). */
export async function countRegisterQueries(
  db: Executor,
  query: TSealedRegisterQuery,
  user: SessionUser,
): Promise<number> {
  if (!(await maySeeSealed(db, user))) return 0;
  return countSealQueries(db, sealQueryFilter(query, user));
}

/**
 * The register of sealed records (专门的未成年人犯罪档案库, 刑诉规则 第四百八十三条) and the query
 * requests on them; with `awaiting: 'me'` only the requests awaiting this user's decision and the
 * records they are on.
 */
export async function sealedRegister(
  db: Executor,
  user: SessionUser,
  query: TSealedRegisterQuery = {},
): Promise<TSealedRegister> {
  // Outside the juvenile department (and the chief) sealed records do not exist: an empty register.
  if (!(await maySeeSealed(db, user))) return { records: [], queries: [] };
  const rows = await db
    .select({
      sealing: juvenileSealings,
      caseNumber: cases.caseNumber,
      title: cases.title,
      by: users.displayName,
    })
    .from(juvenileSealings)
    .innerJoin(cases, eq(cases.id, juvenileSealings.caseId))
    .innerJoin(users, eq(users.id, juvenileSealings.sealedBy))
    .where(isNull(juvenileSealings.unsealedAt))
    .orderBy(desc(juvenileSealings.sealedOn), desc(juvenileSealings.id));
  const [names, queries] = await Promise.all([
    minorNamesByCase(
      db,
      rows.map((r) => r.sealing.caseId),
    ),
    presentSealQueries(db, sealQueryFilter(query, user)),
  ]);
  const withQueries = new Set(queries.map((q) => q.sealingId));
  return {
    records: rows
      .filter(({ sealing }) => !query.awaiting || withQueries.has(sealing.id))
      .map(({ sealing, caseNumber, title, by }) => ({
        caseId: sealing.caseId,
        caseNumber,
        title: maskNamesIn(title, names.get(sealing.caseId) ?? []),
        sealing: {
          id: sealing.id,
          basis: sealing.basis,
          basisLabel: sealingBasisLabels[sealing.basis],
          legalBasis: sealingBasis[sealing.basis],
          sentenceMonths: sealing.sentenceMonths,
          sealedOn: sealing.sealedOn,
          sealedBy: by,
        },
        pendingQueries: queries.filter((q) => q.sealingId === sealing.id && q.state === 'pending').length,
      })),
    queries,
  };
}
