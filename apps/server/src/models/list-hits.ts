import { canonicalColumns } from '@procura/collide';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { clueStatuses } from '@procura/domain/cases/clue-sources';
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { hitStatuses, type TAllHitsQuery, type THit, type THitList, type THitQuery } from './schema.ts';

const { collideHits: hits, clues, users } = schema;
const reviewers = alias(users, 'reviewers');

const columnLabels = Object.fromEntries(
  Object.entries(canonicalColumns).map(([key, column]) => [key, column.label]),
);

export function hitFilter(runId: number, query: THitQuery): SQL {
  const filters: SQL[] = [eq(hits.runId, runId)];
  if (query.onlyNew === 'true') filters.push(eq(hits.isNew, true));
  if (query.status) filters.push(eq(hits.status, query.status));
  return and(...filters)!;
}

export const selectHits = (db: Executor, where: SQL) =>
  db
    .select({
      hit: hits,
      reviewer: { id: reviewers.id, name: reviewers.displayName },
      clueStatus: clues.status,
    })
    .from(hits)
    .leftJoin(reviewers, eq(reviewers.id, hits.reviewedBy))
    .leftJoin(clues, eq(clues.id, hits.clueId))
    .where(where)
    .orderBy(asc(hits.id));

type Row = Awaited<ReturnType<typeof selectHits>>[number];

export function presentHit({ hit, reviewer, clueStatus }: Row): THit {
  const status = hit.status;
  return {
    id: hit.id,
    runId: hit.runId,
    isNew: hit.isNew,
    subject: hit.subject,
    idNumber: hit.idNumber,
    name: hit.name,
    count: hit.count,
    amountFen: hit.amountFen,
    confidence: hit.confidence === 'suspected' ? 'suspected' : 'exact',
    score: hit.score,
    explanation: hit.explanation,
    evidence: hit.evidence,
    status,
    statusLabel: hitStatuses[status] ?? hit.status,
    dismissReason: hit.dismissReason,
    reviewedBy: reviewer?.id ? { id: reviewer.id, name: reviewer.name } : null,
    reviewedAt: hit.reviewedAt?.toISOString() ?? null,
    clue:
      hit.clueId && clueStatus ? { id: hit.clueId, status: clueStatuses[clueStatus] ?? clueStatus } : null,
  };
}

/** Hits a page shows at once; the export has them all. */
export const hitListLimit = 5_000;

/** 命中列表 of one run, in id order (at most `hitListLimit`), with the counts of all and new ones. */
export async function listHits(db: Executor, runId: number, query: THitQuery): Promise<THitList> {
  const rows = await selectHits(db, hitFilter(runId, query)).limit(hitListLimit);
  const [fresh] = await db
    .select({ n: count() })
    .from(hits)
    .where(and(eq(hits.runId, runId), eq(hits.isNew, true)));
  const [all] = await db.select({ n: count() }).from(hits).where(eq(hits.runId, runId));
  return {
    items: rows.map(presentHit),
    total: Number(all?.n ?? 0),
    newCount: Number(fresh?.n ?? 0),
    columnLabels,
  };
}

/** The hits of every run in a status (all without one): the list across runs and its count share it. */
const allHitsFilter = (query: TAllHitsQuery): SQL | undefined =>
  query.status ? eq(hits.status, query.status) : undefined;

/** How many hits `listAllHits` counts (the workbench's 待审查命中). */
export async function countAllHits(db: Executor, query: TAllHitsQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(hits).where(allHitsFilter(query));
  return Number(row?.n ?? 0);
}

/**
 * 命中 of every run, e.g. all still awaiting review, in id order (at most `hitListLimit`); `total`
 * counts them all, `newCount` the new ones among them.
 */
export async function listAllHits(db: Executor, query: TAllHitsQuery): Promise<THitList> {
  const where = allHitsFilter(query);
  const [rows, total, [fresh]] = await Promise.all([
    selectHits(db, where ?? sql`true`).limit(hitListLimit),
    countAllHits(db, query),
    db
      .select({ n: count() })
      .from(hits)
      .where(and(where, eq(hits.isNew, true))),
  ]);
  return { items: rows.map(presentHit), total, newCount: Number(fresh?.n ?? 0), columnLabels };
}

export async function loadHits(db: Executor, ids: number[]) {
  return db.select().from(hits).where(inArray(hits.id, ids));
}
