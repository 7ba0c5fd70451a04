import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { inertCellText } from '@procura/domain/export/inert-cell';
import { desc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { suggestionConditions } from './list-suggestions.ts';
import { loadSuggestions } from './present-suggestion.ts';
import type { TSuggestionQuery } from './schema.ts';

const { suggestions, cases } = schema;
const maxRows = 20_000;

const columns: { header: string; key: string; width: number }[] = [
  { header: '文号', key: 'docNumber', width: 26 },
  { header: '案号', key: 'caseNumber', width: 26 },
  { header: '案件名称', key: 'caseTitle', width: 30 },
  { header: '办案部门', key: 'department', width: 14 },
  { header: '承办人', key: 'handler', width: 12 },
  { header: '类型', key: 'kind', width: 16 },
  { header: '被建议单位', key: 'addressee', width: 28 },
  { header: '紧急', key: 'urgent', width: 6 },
  { header: '状态', key: 'state', width: 10 },
  { header: '签发日期', key: 'issuedOn', width: 12 },
  { header: '送达日期', key: 'deliveredOn', width: 12 },
  { header: '回复期限', key: 'replyDue', width: 12 },
  { header: '期限状态', key: 'replyStatus', width: 10 },
  { header: '回复日期', key: 'replyOn', width: 12 },
  { header: '整改情况', key: 'rectification', width: 12 },
  { header: '后续措施', key: 'followUp', width: 14 },
];

/** The filtered list (no paging) as an .xlsx with Chinese headers. */
export async function exportSuggestions(
  db: Executor,
  query: Omit<TSuggestionQuery, 'page' | 'pageSize'>,
  user: SessionUser,
): Promise<Buffer> {
  const rows = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .innerJoin(cases, eq(cases.id, suggestions.caseId))
    .where(suggestionConditions(query, user))
    .orderBy(desc(suggestions.createdAt), desc(suggestions.id))
    .limit(maxRows + 1);
  if (rows.length > maxRows) throw new DomainError('VALIDATION', `导出超过 ${maxRows} 条，请缩小筛选范围`);
  const items = await loadSuggestions(
    db,
    rows.map((r) => r.id),
  );
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检察建议');
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const inert = (row: Record<string, string>) =>
    Object.fromEntries(Object.entries(row).map(([key, text]) => [key, inertCellText(text)]));
  for (const s of items) {
    sheet.addRow(
      inert({
        docNumber: s.docNumber ?? '',
        caseNumber: s.case.caseNumber,
        caseTitle: s.case.title,
        department: s.department.name,
        handler: s.handler?.name ?? '',
        kind: s.kindLabel,
        addressee: s.addressee,
        urgent: s.urgent ? '是' : '',
        state: s.stateLabel,
        issuedOn: s.issuedAt ? chinaDate(new Date(s.issuedAt)) : '',
        deliveredOn: s.deliveredOn ?? '',
        replyDue: s.replyDue ?? '',
        replyStatus: s.replyStatusLabel ?? '',
        replyOn: s.replyOn ?? '',
        rectification: s.rectificationLabel ?? '',
        followUp: s.followUpLabel ?? '',
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
