import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { reachReport, toReport } from './load-report.ts';
import type { TReport, TSectionsEdit } from './schema.ts';

/**
 * The chief's text for some sections: kept as written (also when the figures are generated again);
 * an empty or null text returns the section to the generated one. Audited with the sections changed.
 */
export async function editSections(
  db: Db,
  options: { id: number; input: TSectionsEdit; user: SessionUser; ip: string | null },
): Promise<TReport> {
  const { id, input, user } = options;
  const row = await db.transaction(async (tx) => {
    const report = await reachReport(tx, user, id);
    const known = new Set(report.sections.map((s) => s.id));
    const unknown = input.sections.find((s) => !known.has(s.id));
    if (unknown) throw new DomainError('VALIDATION', `报告中没有“${unknown.id}”这一节`);
    const edits = new Map(input.sections.map((s) => [s.id, s.text]));
    const changed: string[] = [];
    const sections = report.sections.map((section) => {
      if (!edits.has(section.id)) return section;
      const text = edits.get(section.id)?.trim() ? edits.get(section.id)!.replace(/\r\n/g, '\n') : null;
      const edited = text === section.generated ? null : text;
      if (edited !== section.edited) changed.push(section.id);
      return { ...section, edited };
    });
    const [updated] = await tx
      .update(schema.reports)
      .set({ sections, updatedAt: now() })
      .where(eq(schema.reports.id, id))
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.edit',
      targetType: 'report',
      targetId: id,
      ip: options.ip,
      detail: { sections: changed },
    });
    return updated!;
  });
  return toReport(db, row);
}
