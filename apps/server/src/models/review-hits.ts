import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, inArray, ne } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { loadHits } from './list-hits.ts';
import type { TReviewBody } from './schema.ts';

const { collideHits: hits } = schema;

/**
 * 审查命中: confirm, or dismiss with a reason. A hit already made into a clue stays as it is: the
 * clue is where it continues.
 */
export async function reviewHits(
  database: Database,
  options: { input: TReviewBody; user: SessionUser; ip: string | null },
): Promise<{ updated: number }> {
  const { input, user } = options;
  const ids = [...new Set(input.hitIds)];
  return database.db.transaction(async (tx) => {
    const found = await loadHits(tx, ids);
    const missing = ids.filter((id) => !found.some((hit) => hit.id === id));
    if (missing.length > 0) throw new DomainError('NOT_FOUND', `命中不存在：#${missing.join('、#')}`);
    const asClue = found.filter((hit) => hit.status === 'clue');
    if (asClue.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `命中 #${asClue.map((h) => h.id).join('、#')} 已转为线索，请在线索中继续处理`,
      );
    }
    const updated = await tx
      .update(hits)
      .set({
        status: input.action === 'confirm' ? 'confirmed' : 'dismissed',
        dismissReason: input.action === 'dismiss' ? input.reason : null,
        reviewedBy: user.id,
        reviewedAt: now(),
      })
      .where(and(inArray(hits.id, ids), ne(hits.status, 'clue')))
      .returning({ id: hits.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: input.action === 'confirm' ? 'hit.confirm' : 'hit.dismiss',
      targetType: 'modelRun',
      targetId: found[0]!.runId,
      ip: options.ip,
      detail: { hitIds: ids, ...(input.action === 'dismiss' ? { reason: input.reason } : {}) },
    });
    return { updated: updated.length };
  });
}
