import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { lastDay } from './content.ts';
import { reachReport } from './load-report.ts';
import { measureReport } from './measure-report.ts';
import { renderReportDocx } from './render-report-docx.ts';

/**
 * 下载 .docx: the figures, tables and charts measured now for the report's period and scope, with
 * each section's text as the chief left it (edited, else generated). Audited.
 */
export async function downloadReport(
  db: Db,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<{ fileName: string; content: Buffer }> {
  const { id, user } = options;
  const report = await reachReport(db, user, id);
  const { scope, sections } = await measureReport(db, report);
  const texts = new Map(report.sections.map((s) => [s.id, s.edited ?? s.generated]));
  const [procuratorate] = await db
    .select({ name: schema.procuratorate.name })
    .from(schema.procuratorate)
    .where(eq(schema.procuratorate.id, 1));
  const content = await renderReportDocx({
    procuratorate: procuratorate?.name ?? '',
    title: report.title,
    subtitle: `统计期间：${report.periodFrom}至${lastDay(report.periodTo)}（${scope.label}），同比为与去年同期相比`,
    sections: sections.map((s) => ({ ...s, text: texts.get(s.id) ?? s.generated })),
    date: chinaDate(now()),
  });
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.export',
      targetType: 'report',
      targetId: id,
      ip: options.ip,
      detail: { format: 'docx', scope: scope.label },
    }),
  );
  return { fileName: `${report.title}.docx`, content };
}
