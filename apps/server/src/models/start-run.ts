import { findModel } from '@procura/collide';
import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { inArray } from 'drizzle-orm';
import { type AuditActor, actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { kindOf } from './dataset-kinds.ts';
import { getRun } from './present-run.ts';
import { runQueueOf } from './run-queue.ts';
import type { TRun } from './schema.ts';
import { missingSnapshot } from './snapshot-store.ts';

/**
 * 运行模型: checks each input has a data set of the kind it takes and queues the run with the
 * data sets' content hashes. The queue starts it when the one before it is done.
 */
export async function startRun(
  database: Database,
  options: {
    modelId: string;
    datasets: Record<string, number>;
    /** the analyst who starts it (a scheduled run is queued by the scheduler, `queueRun`) */
    user: Pick<SessionUser, 'id' | 'displayName'>;
    ip: string | null;
  },
): Promise<TRun> {
  const { user, ...rest } = options;
  const id = await database.db.transaction((tx) =>
    queueRun(tx, { ...rest, startedBy: user.id, actor: actorOf(user) }),
  );
  void runQueueOf(database).kick();
  return (await getRun(database.db, id))!;
}

export async function queueRun(
  tx: Executor,
  options: {
    modelId: string;
    datasets: Record<string, number>;
    /** who started it: the analyst, or the schedule's creator for a scheduled run */
    startedBy: number;
    actor: AuditActor;
    ip: string | null;
    scheduleId?: number;
  },
): Promise<number> {
  const model = findModel(options.modelId);
  if (!model) throw notFound(`模型 ${options.modelId} `);
  const ids = Object.values(options.datasets);
  const found = ids.length
    ? await tx.select().from(schema.collideDatasets).where(inArray(schema.collideDatasets.id, ids))
    : [];
  const inputs = model.inputs.map((input) => {
    const kind = kindOf(model.id, input.role);
    const datasetId = options.datasets[input.role];
    if (datasetId === undefined) {
      throw new DomainError('VALIDATION', `请为输入「${input.label}」选择数据集（类型：${kind.label}）`);
    }
    const dataset = found.find((d) => d.id === datasetId);
    if (!dataset) throw new DomainError('VALIDATION', `数据集 #${datasetId} 不存在`);
    if (dataset.kind !== kind.id) {
      throw new DomainError(
        'VALIDATION',
        `数据集「${dataset.fileName}」不是「${kind.label}」，不能作为输入「${input.label}」`,
      );
    }
    const missing = missingSnapshot(dataset);
    if (missing) throw new DomainError('CONFLICT', missing);
    return { role: input.role, datasetId, contentHash: dataset.contentHash, fileName: dataset.fileName };
  });
  const extra = Object.keys(options.datasets).filter((role) => !model.inputs.some((i) => i.role === role));
  if (extra.length > 0) {
    throw new DomainError('VALIDATION', `模型 ${model.name} 没有输入 ${extra.join('、')}`);
  }
  const [run] = await tx
    .insert(schema.collideRuns)
    .values({
      modelId: model.id,
      inputs,
      startedBy: options.startedBy,
      scheduleId: options.scheduleId ?? null,
    })
    .returning({ id: schema.collideRuns.id });
  await recordAudit(tx, {
    actor: options.actor,
    action: 'model.run',
    targetType: 'modelRun',
    targetId: run!.id,
    ip: options.ip,
    detail: { modelId: model.id, inputs, scheduleId: options.scheduleId ?? null },
  });
  return run!.id;
}
