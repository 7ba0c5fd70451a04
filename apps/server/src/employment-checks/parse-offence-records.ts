import { cleanDate } from '@procura/domain/clean/date';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { cleanName } from '@procura/domain/clean/name';
import { DomainError } from '../errors.ts';
import { type ColumnSpec, readSheet, refuseProblems } from './read-sheet.ts';

export interface OffenceRecord {
  row: number;
  idNumber: string;
  name: string | null;
  kind: string;
  occurredOn: string | null;
}

const recordColumns: ColumnSpec[] = [
  {
    key: 'idNumber',
    label: '身份证号',
    headers: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'],
    required: true,
  },
  { key: 'name', label: '姓名', headers: ['姓名', '人员姓名', '罪犯姓名'], required: false },
  { key: 'kind', label: '罪名', headers: ['罪名', '案由', '类别', '违法类型', '记录类别'], required: true },
  {
    key: 'occurredOn',
    label: '日期',
    headers: ['日期', '判决日期', '处罚日期', '决定日期'],
    required: false,
  },
];

/** 违法犯罪记录 (.xlsx: 身份证号, 姓名, 罪名/案由, 日期) for employment checks; all rows or none. */
export async function parseOffenceRecords(base64: string, fileName: string): Promise<OffenceRecord[]> {
  const rows = await readSheet(base64, recordColumns, fileName);
  if (rows.length === 0) throw new DomainError('VALIDATION', `文件 ${fileName} 中没有记录`);
  const problems: string[] = [];
  const records: OffenceRecord[] = [];
  for (const { row, cells } of rows) {
    const id = cleanIdNumber(cells.idNumber || null);
    const idProblem = id.ok ? (id.problem ?? null) : id.reason;
    if (idProblem) problems.push(`第 ${row} 行“身份证号”列：${idProblem}`);
    const name = cells.name ? cleanName(cells.name) : null;
    const kind = cells.kind?.trim() ?? '';
    if (!kind) problems.push(`第 ${row} 行“罪名”列：为空`);
    const date = cells.occurredOn ? cleanDate(cells.occurredOn) : null;
    if (date && !date.ok) problems.push(`第 ${row} 行“日期”列：${date.reason}`);
    if (id.ok && !idProblem && kind && (!date || date.ok)) {
      records.push({
        row,
        idNumber: id.value,
        name: name?.ok ? name.value : null,
        kind: kind.slice(0, 100),
        occurredOn: date?.ok ? date.value : null,
      });
    }
  }
  refuseProblems(fileName, problems);
  return records;
}
