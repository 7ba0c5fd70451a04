import type { Db, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, phaseLabel, stageLabel, type TCaseType } from '@procura/domain/cases/case-types';
import { pilFieldLabel } from '@procura/domain/public-interest-fields';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { type TextSearch, withTextSearch } from '../clues/list-text-search.ts';
import { assertExportable, exportFileName } from '../export/send-xlsx.ts';
import type { XlsxColumn, XlsxSheet } from '../export/write-xlsx.ts';
import { maskCaseTitles } from '../juvenile/mask-lists.ts';
import { caseFilter } from './list-cases.ts';
import type { TCaseFilter } from './schema.ts';

const { cases, departments, users, caseOutcomes } = schema;

export interface CaseExportRow {
  id: number;
  caseNumber: string;
  title: string;
  type: TCaseType;
  phase: string | null;
  stage: string;
  pilField: string | null;
  department: string;
  handler: string | null;
  openedAt: Date;
  closedAt: Date | null;
  recoveredFen: number;
}

const typeOf = (r: CaseExportRow) => r.type;

export const caseExportColumns: XlsxColumn<CaseExportRow>[] = [
  { header: '案号', value: (r) => r.caseNumber },
  { header: '案件名称', value: (r) => r.title },
  { header: '案件类型', value: (r) => caseTypes[typeOf(r)]?.name ?? r.type },
  { header: '诉讼环节', value: (r) => (caseTypes[typeOf(r)] ? phaseLabel(typeOf(r), r.phase) : r.phase) },
  { header: '办案阶段', value: (r) => (caseTypes[typeOf(r)] ? stageLabel(typeOf(r), r.stage) : r.stage) },
  { header: '承办部门', value: (r) => r.department },
  { header: '承办人', value: (r) => r.handler },
  { header: '立案日期', value: (r) => r.openedAt, kind: 'date' },
  { header: '结案日期', value: (r) => r.closedAt, kind: 'date' },
  { header: '状态', value: (r) => (r.closedAt ? '已结' : '在办') },
  { header: '挽回金额（元）', value: (r) => r.recoveredFen, kind: 'fen' },
  { header: '公益诉讼领域', value: (r) => pilFieldLabel(r.pilField) },
];

const batchSize = 2_000;

/**
 * 案件导出: counts what the filter selects in the user's reach, refuses beyond the limit, writes
 * the export to the audit log (who, which filter, how many rows), and returns the sheet, whose
 * rows are read in batches while it streams (newest first).
 */
export async function prepareCaseExport(
  db: Db,
  options: { query: TCaseFilter; user: SessionUser; ip: string | null },
): Promise<{ rows: number; fileName: string; asciiFileName: string; sheet: XlsxSheet<CaseExportRow> }> {
  const { query, user } = options;
  const { where, search } = caseFilter(query, user);
  const rows = await db.transaction(async (tx) => {
    const rows = await withTextSearch(tx, search, async (q) => {
      const [total] = await q.select({ value: count() }).from(cases).where(where);
      return Number(total?.value ?? 0);
    });
    assertExportable(rows);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.export',
      targetType: 'case',
      ip: options.ip,
      detail: { filter: query, rows, format: 'xlsx' },
    });
    return rows;
  });
  return {
    rows,
    fileName: exportFileName('案件列表'),
    asciiFileName: exportFileName('cases'),
    sheet: { sheetName: '案件', columns: caseExportColumns, rows: caseRows(db, where, search) },
  };
}

async function* caseRows(
  db: Db,
  where: SQL | undefined,
  search: TextSearch | undefined,
): AsyncGenerator<CaseExportRow> {
  // Keyset on (opened_at, id), the timestamp read back as text so no microsecond is lost.
  let after: { at: string; id: number } | undefined;
  for (;;) {
    const keyset = after
      ? sql`(${cases.openedAt}, ${cases.id}) < (${after.at}::timestamptz, ${after.id})`
      : undefined;
    const batch = await withTextSearch(db, search, (q) => readBatch(q, and(where, keyset)));
    yield* batch.rows;
    const last = batch.last;
    if (batch.rows.length < batchSize || !last) return;
    after = last;
  }
}

async function readBatch(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      row: {
        id: cases.id,
        caseNumber: cases.caseNumber,
        title: cases.title,
        type: cases.type,
        phase: cases.phase,
        stage: cases.stage,
        pilField: cases.pilField,
        openedAt: cases.openedAt,
        closedAt: cases.closedAt,
      },
      at: sql<string>`${cases.openedAt}::text`,
      department: departments.name,
      handler: users.displayName,
      recoveredFen:
        sql<number>`(select coalesce(sum(${caseOutcomes.amountFen}), 0) from ${caseOutcomes} where ${caseOutcomes.caseId} = ${cases.id})`.mapWith(
          Number,
        ),
    })
    .from(cases)
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(users, eq(users.id, cases.handlerId))
    .where(where)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(batchSize);
  const lastRow = rows.at(-1);
  return {
    last: lastRow ? { at: lastRow.at, id: lastRow.row.id } : undefined,
    rows: await maskCaseTitles(
      db,
      rows.map(({ row, department, handler, recoveredFen }) => ({
        ...row,
        department,
        handler,
        recoveredFen,
      })),
    ),
  };
}
