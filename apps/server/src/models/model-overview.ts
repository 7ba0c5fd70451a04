import { explanationExample, listModels, type TModelSpec } from '@procura/collide';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { clueStatuses } from '@procura/domain/cases/clue-sources';
import { and, count, countDistinct, eq, inArray, isNotNull, max, sum } from 'drizzle-orm';
import { kindOf } from './dataset-kinds.ts';
import { legalBasisOf } from './legal-basis.ts';
import type { TModelDetail, TModelSummary } from './schema.ts';

const {
  collideRuns: runs,
  collideHits: hits,
  clues,
  clueTransfers,
  cases,
  caseOutcomes,
  departments,
} = schema;

type ModelClue = TModelDetail['clues'][number];

/**
 * The clues made from a model's hits, with the money recovered by the cases opened from them:
 * from the clue itself, or from the clue another department received when it was transferred.
 */
async function modelClues(db: Executor, modelId?: string): Promise<(ModelClue & { modelId: string })[]> {
  const made = await db
    .select({
      modelId: runs.modelId,
      hitId: hits.id,
      runId: hits.runId,
      id: clues.id,
      title: clues.title,
      status: clues.status,
      department: departments.name,
      caseId: clues.caseId,
    })
    .from(hits)
    .innerJoin(runs, eq(runs.id, hits.runId))
    .innerJoin(clues, eq(clues.id, hits.clueId))
    .innerJoin(departments, eq(departments.id, clues.departmentId))
    .where(modelId ? and(isNotNull(hits.clueId), eq(runs.modelId, modelId)) : isNotNull(hits.clueId))
    .orderBy(hits.id);
  if (made.length === 0) return [];
  const received = await db
    .select({ clueId: clueTransfers.clueId, caseId: clues.caseId })
    .from(clueTransfers)
    .innerJoin(clues, eq(clues.id, clueTransfers.receivedClueId))
    .where(
      and(
        inArray(
          clueTransfers.clueId,
          made.map((m) => m.id),
        ),
        isNotNull(clues.caseId),
      ),
    );
  const casesOf = new Map<number, number[]>();
  for (const clue of made) casesOf.set(clue.id, clue.caseId ? [clue.caseId] : []);
  for (const row of received) casesOf.get(row.clueId)!.push(row.caseId!);
  const caseIds = [...new Set([...casesOf.values()].flat())];
  const money = caseIds.length
    ? await db
        .select({ caseId: caseOutcomes.caseId, fen: sum(caseOutcomes.amountFen) })
        .from(caseOutcomes)
        .where(inArray(caseOutcomes.caseId, caseIds))
        .groupBy(caseOutcomes.caseId)
    : [];
  const numbers = caseIds.length
    ? await db
        .select({ id: cases.id, caseNumber: cases.caseNumber })
        .from(cases)
        .where(inArray(cases.id, caseIds))
    : [];
  return made.map((clue) => {
    const ids = casesOf.get(clue.id)!;
    return {
      modelId: clue.modelId,
      hitId: clue.hitId,
      runId: clue.runId,
      id: clue.id,
      title: clue.title,
      status: clue.status,
      statusLabel: clueStatuses[clue.status] ?? clue.status,
      department: clue.department,
      caseNumber:
        numbers
          .filter((n) => ids.includes(n.id))
          .map((n) => n.caseNumber)
          .join('、') || null,
      recoveredFen: money
        .filter((m) => ids.includes(m.caseId))
        .reduce((total, m) => total + Number(m.fen ?? 0), 0),
    };
  });
}

function summary(spec: TModelSpec, stats: TModelSummary['stats']): TModelSummary {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    legalBasis: legalBasisOf(spec.id),
    inputs: spec.inputs.map((input) => ({
      role: input.role,
      label: input.label,
      kind: kindOf(spec.id, input.role).id,
    })),
    stats,
  };
}

async function statsByModel(db: Executor, modelId?: string) {
  const where = modelId ? eq(runs.modelId, modelId) : undefined;
  const runRows = await db
    .select({ modelId: runs.modelId, runs: count(), lastRunAt: max(runs.createdAt) })
    .from(runs)
    .where(where)
    .groupBy(runs.modelId);
  // Distinct findings: a hit seen again in a later run is counted once.
  const hitRows = await db
    .select({ modelId: runs.modelId, hits: countDistinct(hits.hitKey) })
    .from(hits)
    .innerJoin(runs, eq(runs.id, hits.runId))
    .where(where)
    .groupBy(runs.modelId);
  const clueRows = await modelClues(db, modelId);
  return (id: string): TModelSummary['stats'] => {
    const run = runRows.find((r) => r.modelId === id);
    const made = clueRows.filter((c) => c.modelId === id);
    const lastRunAt = run?.lastRunAt ? new Date(run.lastRunAt) : null;
    return {
      runs: Number(run?.runs ?? 0),
      lastRunAt: lastRunAt?.toISOString() ?? null,
      hits: Number(hitRows.find((h) => h.modelId === id)?.hits ?? 0),
      clues: made.length,
      recoveredFen: made.reduce((total, c) => total + c.recoveredFen, 0),
    };
  };
}

/** 模型列表: the built-in models with what each has found and recovered. */
export async function listModelSummaries(db: Executor): Promise<{ items: TModelSummary[] }> {
  const stats = await statsByModel(db);
  return { items: listModels().map((spec) => summary(spec, stats(spec.id))) };
}

/** One model; its clues (titles name people) only for those who may read hits. */
export async function getModelDetail(
  db: Executor,
  modelId: string,
  options: { withClues: boolean },
): Promise<TModelDetail | null> {
  const spec = listModels().find((candidate) => candidate.id === modelId);
  if (!spec) return null;
  const stats = await statsByModel(db, modelId);
  const made = await modelClues(db, modelId);
  return {
    ...summary(spec, stats(modelId)),
    explanationExample: explanationExample(spec),
    clues: options.withClues ? made.map(({ modelId: _, ...clue }) => clue) : [],
  };
}
