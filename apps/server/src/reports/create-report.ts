import type { Db } from '@procura/db';
import { schema } from '@procura/db';
import { pilFields } from '@procura/domain/public-interest-fields';
import { reportKinds, reportLines, type TReportLine } from '@procura/domain/reports/kinds';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { cockpitScope } from '../cockpit/scope.ts';
import { lastDay } from './content.ts';
import { toReport } from './load-report.ts';
import { measureReport } from './measure-report.ts';
import type { TReport, TReportCreate } from './schema.ts';

/** 2026-01-01 → 2026年1月1日 */
const dayText = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function reportTitle(input: TReportCreate, scopeLabel: string): string {
  const period = `${dayText(input.from)}至${dayText(lastDay(input.to))}`;
  const who = scopeLabel === '全院' ? '' : scopeLabel;
  if (input.kind === 'whitePaper') {
    return `${who}${reportLines[input.subject as TReportLine]}白皮书（${period}）`;
  }
  if (input.kind === 'caseAnalysis') {
    return `${who}${pilFields[input.subject as keyof typeof pilFields]}领域公益诉讼类案分析（${period}）`;
  }
  return `${who}${period}${reportKinds.workReport.label}`;
}

/**
 * 生成报告: a draft for the user's scope (a head's covers their department), its sections written
 * from the cockpit's figures, stored so the chief can edit them before downloading. Audited.
 */
export async function createReport(
  db: Db,
  options: { input: TReportCreate; user: SessionUser; ip: string | null },
): Promise<TReport> {
  const { input, user } = options;
  const scope = cockpitScope(user);
  const report = {
    kind: input.kind,
    subject: input.kind === 'workReport' ? null : (input.subject ?? null),
    periodFrom: input.from,
    periodTo: input.to,
    departmentId: scope.departmentId,
  };
  const { sections } = await measureReport(db, report);
  const at = now();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(schema.reports)
      .values({
        ...report,
        title: reportTitle(input, scope.label),
        sections: sections.map((s) => ({ id: s.id, title: s.title, generated: s.generated, edited: null })),
        createdBy: user.id,
        createdAt: at,
        generatedAt: at,
        updatedAt: at,
      })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.create',
      targetType: 'report',
      targetId: created!.id,
      ip: options.ip,
      detail: {
        kind: input.kind,
        from: input.from,
        to: input.to,
        subject: report.subject,
        scope: scope.label,
      },
    });
    return created!;
  });
  return toReport(db, row);
}
