import { findModel } from '@procura/collide';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { desc, eq, type SQL } from 'drizzle-orm';
import { kindOf } from './dataset-kinds.ts';
import { runStages, runStatuses, type TRun } from './schema.ts';

const { collideRuns: runs, users } = schema;

export const selectRuns = (db: Executor, where?: SQL) =>
  db
    .select({ run: runs, starter: { id: users.id, name: users.displayName } })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.startedBy))
    .where(where)
    .orderBy(desc(runs.id));

type Row = Awaited<ReturnType<typeof selectRuns>>[number];

export function presentRun({ run, starter }: Row): TRun {
  const model = findModel(run.modelId);
  const status = run.status;
  return {
    id: run.id,
    modelId: run.modelId,
    modelName: model?.name ?? run.modelId,
    inputs: run.inputs.map((input) => ({
      ...input,
      label: model ? kindOf(run.modelId, input.role).label : input.role,
    })),
    status,
    statusLabel: runStatuses[status] ?? run.status,
    stage: run.stage,
    stageLabel: runStages[run.stage] ?? run.stage,
    percent: run.percent,
    hitCount: run.hitCount,
    newHitCount: run.newHitCount,
    amountFen: run.amountFen,
    error: run.error,
    scheduleId: run.scheduleId,
    startedBy: starter,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export async function listRuns(db: Executor, query: { modelId?: string }): Promise<{ items: TRun[] }> {
  const rows = await selectRuns(db, query.modelId ? eq(runs.modelId, query.modelId) : undefined).limit(200);
  return { items: rows.map(presentRun) };
}

export async function getRun(db: Executor, id: number): Promise<TRun | null> {
  const [row] = await selectRuns(db, eq(runs.id, id));
  return row ? presentRun(row) : null;
}
