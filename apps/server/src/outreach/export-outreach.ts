import type { Db } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { exportFileName } from '../export/send-xlsx.ts';
import type { XlsxSheet } from '../export/write-xlsx.ts';
import { loadOutreachEvents, outreachWhere } from './outreach-events.ts';
import type { TOutreachEvent, TOutreachFilter } from './schema.ts';

const columns: XlsxSheet<TOutreachEvent>['columns'] = [
  { header: '日期', value: (r) => r.heldOn, kind: 'date' },
  { header: '类别', value: (r) => r.kindLabel },
  { header: '活动名称', value: (r) => r.title },
  { header: '地点', value: (r) => r.place },
  { header: '参加对象', value: (r) => r.audience },
  { header: '人数', value: (r) => r.participantCount, kind: 'number' },
  { header: '对接学校', value: (r) => r.school?.name ?? '' },
  { header: '宣传材料', value: (r) => r.materials },
  { header: '登记部门', value: (r) => r.department.name },
  { header: '登记人', value: (r) => r.createdBy },
];

/** The outreach events a filter selects, as a sheet to stream; the export is audited first. */
export async function prepareOutreachExport(
  db: Db,
  options: { query: TOutreachFilter; user: SessionUser; ip: string | null },
): Promise<{ fileName: string; asciiFileName: string; sheet: XlsxSheet<TOutreachEvent> }> {
  const { query } = options;
  const rows = await loadOutreachEvents(db, outreachWhere(query));
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'outreach.export',
      targetType: 'outreachEvent',
      ip: options.ip,
      detail: { filter: query, rows: rows.length },
    }),
  );
  return {
    fileName: exportFileName('法治宣传活动'),
    asciiFileName: exportFileName('outreach-events'),
    sheet: { sheetName: '法治宣传活动', columns, rows },
  };
}
