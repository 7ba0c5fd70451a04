import type { Db, Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  clueSources,
  clueStatuses,
  type TClueSource,
  type TClueStatus,
} from '@procura/domain/cases/clue-sources';
import { pilFieldLabel } from '@procura/domain/public-interest-fields';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertExportable, exportFileName } from '../export/send-xlsx.ts';
import type { XlsxColumn, XlsxSheet } from '../export/write-xlsx.ts';
import { maskClueMinors } from '../juvenile/mask-lists.ts';
import { clueFilter } from './list-clues.ts';
import { type TextSearch, withTextSearch } from './list-text-search.ts';
import type { TClueFilter } from './schema.ts';

const { clues, clueParties, departments, users, cases } = schema;

export interface ClueExportRow {
  id: number;
  title: string;
  source: TClueSource;
  status: TClueStatus;
  pilField: string | null;
  department: string;
  handler: string | null;
  receivedAt: Date;
  assessmentDueOn: string | null;
  caseNumber: string | null;
  declineReason: string | null;
  parties: string;
  description: string;
}

export const clueExportColumns: XlsxColumn<ClueExportRow>[] = [
  { header: '线索编号', value: (r) => r.id, kind: 'number', width: 10 },
  { header: '线索标题', value: (r) => r.title },
  { header: '线索来源', value: (r) => clueSources[r.source] ?? r.source },
  { header: '状态', value: (r) => clueStatuses[r.status] ?? r.status },
  { header: '受理部门', value: (r) => r.department },
  { header: '承办人', value: (r) => r.handler },
  { header: '收到时间', value: (r) => r.receivedAt, kind: 'datetime' },
  { header: '评估期限', value: (r) => r.assessmentDueOn, kind: 'date' },
  { header: '立案案号', value: (r) => r.caseNumber },
  { header: '不立案理由', value: (r) => r.declineReason },
  { header: '涉及人员和单位', value: (r) => r.parties },
  { header: '公益诉讼领域', value: (r) => pilFieldLabel(r.pilField) },
  { header: '线索内容', value: (r) => r.description, width: 60 },
];

const batchSize = 2_000;

/**
 * 线索导出: counts what the filter selects in the user's reach, refuses beyond the limit, writes
 * the export to the audit log (who, which filter, how many rows), and returns the sheet, whose
 * rows are read in batches while it streams (newest first).
 */
export async function prepareClueExport(
  db: Db,
  options: { query: TClueFilter; user: SessionUser; ip: string | null },
): Promise<{ rows: number; fileName: string; asciiFileName: string; sheet: XlsxSheet<ClueExportRow> }> {
  const { query, user } = options;
  const { where, search } = clueFilter(query, user);
  const rows = await db.transaction(async (tx) => {
    const rows = await withTextSearch(tx, search, async (q) => {
      const [total] = await q.select({ value: count() }).from(clues).where(where);
      return Number(total?.value ?? 0);
    });
    assertExportable(rows);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.export',
      targetType: 'clue',
      ip: options.ip,
      detail: { filter: query, rows, format: 'xlsx' },
    });
    return rows;
  });
  return {
    rows,
    fileName: exportFileName('线索列表'),
    asciiFileName: exportFileName('clues'),
    sheet: { sheetName: '线索', columns: clueExportColumns, rows: clueRows(db, where, search) },
  };
}

async function* clueRows(
  db: Db,
  where: SQL | undefined,
  search: TextSearch | undefined,
): AsyncGenerator<ClueExportRow> {
  // Keyset on (received_at, id), the timestamp read back as text so no microsecond is lost.
  let after: { at: string; id: number } | undefined;
  for (;;) {
    const keyset = after
      ? sql`(${clues.receivedAt}, ${clues.id}) < (${after.at}::timestamptz, ${after.id})`
      : undefined;
    const batch = await withTextSearch(db, search, (q) => readBatch(q, and(where, keyset)));
    yield* batch.rows;
    if (batch.rows.length < batchSize || !batch.last) return;
    after = batch.last;
  }
}

async function readBatch(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      clue: {
        id: clues.id,
        title: clues.title,
        description: clues.description,
        source: clues.source,
        status: clues.status,
        pilField: clues.pilField,
        receivedAt: clues.receivedAt,
        assessmentDueOn: clues.assessmentDueOn,
        declineReason: clues.declineReason,
      },
      at: sql<string>`${clues.receivedAt}::text`,
      department: departments.name,
      handler: users.displayName,
      caseNumber: cases.caseNumber,
      caseId: clues.caseId,
    })
    .from(clues)
    .innerJoin(departments, eq(departments.id, clues.departmentId))
    .leftJoin(users, eq(users.id, clues.handlerId))
    .leftJoin(cases, eq(cases.id, clues.caseId))
    .where(where)
    .orderBy(desc(clues.receivedAt), desc(clues.id))
    .limit(batchSize);
  const ids = rows.map((r) => r.clue.id);
  const parties = ids.length
    ? await db
        .select({
          clueId: clueParties.clueId,
          kind: clueParties.kind,
          name: clueParties.name,
          idNumber: clueParties.idNumber,
        })
        .from(clueParties)
        .where(inArray(clueParties.clueId, ids))
        .orderBy(clueParties.id)
    : [];
  const partiesOf = new Map<number, typeof parties>();
  for (const p of parties) partiesOf.set(p.clueId, [...(partiesOf.get(p.clueId) ?? []), p]);
  // Minors' names are masked in exports as in lists (未成年人保护法 第一百零三条).
  const masked = await maskClueMinors(
    db,
    rows.map(({ clue, caseId }) => ({
      ...clue,
      receivedAt: clue.receivedAt.toISOString(),
      case: caseId ? { id: caseId } : null,
      parties: partiesOf.get(clue.id) ?? [],
    })),
  );
  const lastRow = rows.at(-1);
  return {
    last: lastRow ? { at: lastRow.at, id: lastRow.clue.id } : undefined,
    rows: rows.map(
      ({ clue, department, handler, caseNumber }, i): ClueExportRow => ({
        ...clue,
        title: masked[i]!.title,
        description: masked[i]!.description,
        department,
        handler,
        caseNumber,
        parties: masked[i]!.parties.map((p) => p.name).join('、'),
      }),
    ),
  };
}
