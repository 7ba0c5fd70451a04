import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { reachReport, toReport } from './load-report.ts';
import { measureReport } from './measure-report.ts';
import type { TReport } from './schema.ts';

/**
 * 重新生成数字: each section's generated text is written again from today's figures; the chief's
 * edited text is kept as it is (it is what the .docx prints). Audited.
 */
export async function regenerateReport(
  db: Db,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TReport> {
  const { id, user } = options;
  const report = await reachReport(db, user, id);
  const { sections } = await measureReport(db, report);
  const edits = new Map(report.sections.map((s) => [s.id, s.edited]));
  const at = now();
  const row = await db.transaction(async (tx) => {
    await reachReport(tx, user, id);
    const [updated] = await tx
      .update(schema.reports)
      .set({
        sections: sections.map((s) => ({
          id: s.id,
          title: s.title,
          generated: s.generated,
          edited: edits.get(s.id) ?? null,
        })),
        generatedAt: at,
        updatedAt: at,
      })
      .where(eq(schema.reports.id, id))
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.regenerate',
      targetType: 'report',
      targetId: id,
      ip: options.ip,
      detail: { kept: [...edits].filter(([, e]) => e !== null).map(([s]) => s) },
    });
    return updated!;
  });
  return toReport(db, row);
}
