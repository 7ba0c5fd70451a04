import type { Executor } from '@procura/db';
import type { TReportKind } from '@procura/domain/reports/kinds';
import { measureCockpit } from '../cockpit/build-cockpit.ts';
import { measuredSections } from './content.ts';
import { reportScope } from './load-report.ts';

/** A report's sections measured now, by the cockpit's own figures for the report's scope and period. */
export async function measureReport(
  db: Executor,
  report: {
    kind: TReportKind;
    subject: string | null;
    periodFrom: string;
    periodTo: string;
    departmentId: number | null;
  },
) {
  const scope = await reportScope(db, report.departmentId);
  const cockpit = await measureCockpit(db, scope, { from: report.periodFrom, to: report.periodTo });
  return { scope, cockpit, sections: measuredSections(report.kind, report.subject, cockpit) };
}
