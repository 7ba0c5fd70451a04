import { findModel, runOnSnapshots, type SnapshotProgress } from '@procura/collide';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { saveHits } from './save-hits.ts';
import type { TRunStage } from './schema.ts';
import { missingSnapshot, snapshotPath } from './snapshot-store.ts';

const { collideRuns: runs, collideDatasets: datasets } = schema;

export const interruptedReason =
  '服务器在本次运行期间重启或停止，运行未完成；请重新运行（数据集未变，结果可重现）';

/** Progress written at most this often while a stage reports (each stage change is written). */
const progressEveryMs = 500;

/**
 * The in-process job queue of model runs, one run at a time: a run takes DuckDB's threads and
 * much of the memory of a small server, and two at once would only slow both down and starve the
 * web requests. The queue is the runs table itself (status = queued), so a run queued before a
 * restart still starts afterwards; one that was running is marked failed on start-up.
 */
export class RunQueue {
  private active: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  private readonly database: Database;
  private readonly log: (error: unknown, message: string) => void;

  constructor(database: Database, log: (error: unknown, message: string) => void) {
    this.database = database;
    this.log = log;
  }

  /** On start-up, before the first kick: a run left 'running' died with the last process. */
  async recover(): Promise<number> {
    const failed = await this.database.db
      .update(runs)
      .set({ status: 'failed', error: interruptedReason, finishedAt: new Date() })
      .where(eq(runs.status, 'running'))
      .returning({ id: runs.id });
    return failed.length;
  }

  /** Starts queued runs unless the queue is already working; resolves when it is idle. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.active) {
      this.again = true;
      return this.active;
    }
    // Never rejects: callers fire and forget, and a failed claim (database gone) is only logged.
    this.active = this.drain()
      .catch((error: unknown) => this.log(error, 'model run queue stopped on an error'))
      .finally(() => {
        this.active = null;
      });
    return this.active;
  }

  /** Waits for the running job a little, so a test or a shutdown does not cut it mid-write. */
  async stop(waitMs = 5_000): Promise<void> {
    this.stopped = true;
    if (!this.active) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.active, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  /** Resolves once nothing is queued or running (tests, and the scheduler's own tests). */
  idle(): Promise<void> {
    return this.active ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.stopped) return;
        const id = await this.claimNext();
        if (id === null) break;
        await this.execute(id);
      }
    } while (this.again);
  }

  private async claimNext(): Promise<number | null> {
    const [next] = await this.database.db
      .select({ id: runs.id })
      .from(runs)
      .where(eq(runs.status, 'queued'))
      .orderBy(asc(runs.id))
      .limit(1);
    if (!next) return null;
    const [claimed] = await this.database.db
      .update(runs)
      .set({ status: 'running', stage: 'import', percent: 1, startedAt: new Date() })
      .where(and(eq(runs.id, next.id), eq(runs.status, 'queued')))
      .returning({ id: runs.id });
    return claimed?.id ?? null;
  }

  private async execute(id: number): Promise<void> {
    const db = this.database.db;
    try {
      const [run] = await db.select().from(runs).where(eq(runs.id, id));
      const spec = findModel(run!.modelId);
      if (!spec) throw new Error(`模型 ${run!.modelId} 已不存在`);
      const sets = await db
        .select()
        .from(datasets)
        .where(
          inArray(
            datasets.id,
            run!.inputs.map((input) => input.datasetId),
          ),
        );
      const inputs = run!.inputs.map((input) => {
        const dataset = sets.find((d) => d.id === input.datasetId);
        if (!dataset || dataset.contentHash !== input.contentHash) {
          throw new Error(`数据集 ${input.fileName} 的快照已不存在，无法运行`);
        }
        const missing = missingSnapshot(dataset);
        if (missing) throw new Error(missing);
        return { role: input.role, path: snapshotPath(dataset.snapshot), fileName: dataset.fileName };
      });
      const progress = this.progressWriter(id);
      const asOf = chinaDate(run!.createdAt);
      const result = await runOnSnapshots({ spec, inputs, asOf, onProgress: progress.report });
      await progress.flush();
      await this.setProgress(id, 'save', 92);
      const saved = await saveHits(db, { run: run!, spec, hits: result.hits });
      await db
        .update(runs)
        .set({
          status: 'succeeded',
          stage: 'done',
          percent: 100,
          hitCount: saved.hits,
          newHitCount: saved.newHits,
          amountFen: saved.amountFen,
          finishedAt: new Date(),
        })
        .where(eq(runs.id, id));
    } catch (error) {
      this.log(error, `model run ${id} failed`);
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(runs)
        .set({ status: 'failed', error: `运行出错：${message}`.slice(0, 2000), finishedAt: new Date() })
        .where(eq(runs.id, id))
        .catch((cause: unknown) => this.log(cause, `could not mark model run ${id} failed`));
    }
  }

  private setProgress(id: number, stage: TRunStage, percent: number) {
    return this.database.db.update(runs).set({ stage, percent }).where(eq(runs.id, id));
  }

  /** The engine reports synchronously; writes are chained so they land in order. */
  private progressWriter(id: number) {
    let chain: Promise<unknown> = Promise.resolve();
    let lastStage = '';
    let lastAt = 0;
    const report = (progress: SnapshotProgress) => {
      const percent =
        progress.stage === 'import'
          ? 5 + Math.round((50 * progress.done) / progress.of)
          : progress.stage === 'match'
            ? 60
            : 75;
      const now = Date.now();
      if (progress.stage === lastStage && now - lastAt < progressEveryMs) return;
      lastStage = progress.stage;
      lastAt = now;
      chain = chain.then(() => this.setProgress(id, progress.stage, percent)).catch(() => undefined);
    };
    return { report, flush: () => chain };
  }
}

const queues = new WeakMap<Database, RunQueue>();

/** One queue per open database (per server process, and per test app). */
export function runQueueOf(database: Database, log?: (error: unknown, message: string) => void): RunQueue {
  let queue = queues.get(database);
  if (!queue) {
    queue = new RunQueue(database, log ?? (() => undefined));
    queues.set(database, queue);
  }
  return queue;
}
