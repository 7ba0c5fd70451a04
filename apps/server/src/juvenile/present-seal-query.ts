import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { sealQueryStates } from '@procura/domain/juvenile/sealing';
import { asc, count, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as clock from '../clock.ts';
import type { TSealQuery } from './schema.ts';

const { juvenileSealQueries, juvenileSealings, cases, users } = schema;

/** How many query requests `presentSealQueries` lists for `where` (the workbench's count). */
export async function countSealQueries(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(juvenileSealQueries)
    .innerJoin(juvenileSealings, eq(juvenileSealings.id, juvenileSealQueries.sealingId))
    .innerJoin(cases, eq(cases.id, juvenileSealings.caseId))
    .innerJoin(users, eq(users.id, juvenileSealQueries.recordedBy))
    .where(where);
  return Number(row?.value ?? 0);
}

/** Query requests on sealed records: who asked, why, who decided and when, and whether it is late. */
export async function presentSealQueries(db: Executor, where: SQL | undefined): Promise<TSealQuery[]> {
  const decider = alias(users, 'decider');
  const rows = await db
    .select({
      query: juvenileSealQueries,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      recorder: users.displayName,
      decider: decider.displayName,
    })
    .from(juvenileSealQueries)
    .innerJoin(juvenileSealings, eq(juvenileSealings.id, juvenileSealQueries.sealingId))
    .innerJoin(cases, eq(cases.id, juvenileSealings.caseId))
    .innerJoin(users, eq(users.id, juvenileSealQueries.recordedBy))
    .leftJoin(decider, eq(decider.id, juvenileSealQueries.decidedBy))
    .where(where)
    .orderBy(asc(juvenileSealQueries.id));
  const today = clock.today();
  return rows.map(({ query, caseId, caseNumber, recorder, decider }) => ({
    id: query.id,
    sealingId: query.sealingId,
    caseId,
    caseNumber,
    requesterBody: query.requesterBody,
    requesterName: query.requesterName,
    purpose: query.purpose,
    receivedOn: query.receivedOn,
    dueOn: query.dueOn,
    state: query.state,
    stateLabel: sealQueryStates[query.state],
    overdue: query.state === 'pending' && today > query.dueOn,
    recordedBy: recorder,
    decidedBy: decider,
    decidedAt: query.decidedAt?.toISOString() ?? null,
    decisionNote: query.decisionNote,
  }));
}
