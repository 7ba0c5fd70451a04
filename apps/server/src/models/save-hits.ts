import type { Hit, TModelSpec } from '@procura/collide';
import type { Db, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { hitKey } from './hit-key.ts';
import { restsOnJuvenileRecord } from './juvenile-records.ts';

const { collideHits: hits, collideRuns: runs } = schema;

const batch = 500;

export interface SavedHits {
  hits: number;
  newHits: number;
  amountFen: number;
  withheld: number;
}

/**
 * Stores a run's hits in one transaction, each marked new unless an earlier successful run of the
 * same model had the same key (定期体检: the analyst reviews only what is new). Hits resting on a
 * record of something done as a minor are withheld (see restsOnJuvenileRecord).
 */
export async function saveHits(
  db: Db,
  options: {
    run: { id: number; modelId: string };
    spec: TModelSpec;
    hits: Hit[];
    /** Runs in the same transaction once the hits are stored (the run marked done, the analyst told). */
    afterSave?: (tx: Executor, saved: SavedHits) => Promise<void>;
  },
): Promise<SavedHits> {
  const kept = options.hits.filter((hit) => !restsOnJuvenileRecord(hit));
  const withheld = options.hits.length - kept.length;
  const keyed = kept.map((hit) => ({ hit, key: hitKey(options.spec, hit) }));
  return db.transaction(async (tx) => {
    if (withheld > 0) {
      // Only the count, where the chief and the administrator read it: not who, not what.
      await recordAudit(tx, {
        actor: { id: null, name: '系统' },
        action: 'model.juvenileRecordsWithheld',
        targetType: 'modelRun',
        targetId: options.run.id,
        detail: { modelId: options.run.modelId, withheld },
      });
    }
    const seen = new Set<string>();
    for (let i = 0; i < keyed.length; i += batch) {
      const keys = keyed.slice(i, i + batch).map((k) => k.key);
      const rows = await tx
        .selectDistinct({ key: hits.hitKey })
        .from(hits)
        .innerJoin(runs, eq(runs.id, hits.runId))
        .where(
          and(
            inArray(hits.hitKey, keys),
            eq(runs.modelId, options.run.modelId),
            eq(runs.status, 'succeeded'),
            lt(runs.id, options.run.id),
          ),
        );
      for (const row of rows) seen.add(row.key);
    }
    let newHits = 0;
    for (let i = 0; i < keyed.length; i += batch) {
      const values = keyed.slice(i, i + batch).map(({ hit, key }): typeof hits.$inferInsert => {
        const isNew = !seen.has(key);
        if (isNew) newHits++;
        return {
          runId: options.run.id,
          hitKey: key,
          isNew,
          subject: hit.subject,
          idNumber: hit.idNumber,
          name: hit.name,
          count: hit.count,
          amountFen: hit.amount === null ? null : Math.round(hit.amount * 100),
          confidence: hit.confidence === 'exact' ? 'exact' : 'suspected',
          score: hit.confidence === 'exact' ? null : hit.confidence.suspected,
          explanation: hit.explanation,
          evidence: hit.evidence,
        };
      });
      await tx.insert(hits).values(values);
    }
    const amountFen = kept.reduce((sum, hit) => sum + Math.round((hit.amount ?? 0) * 100), 0);
    const saved = { hits: keyed.length, newHits, amountFen, withheld };
    await options.afterSave?.(tx, saved);
    return saved;
  });
}
