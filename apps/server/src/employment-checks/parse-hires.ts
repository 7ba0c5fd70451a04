import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { cleanName } from '@procura/domain/clean/name';
import { DomainError } from '../errors.ts';
import { type ColumnSpec, readSheet, refuseProblems } from './read-sheet.ts';

export interface Hire {
  row: number;
  name: string;
  idNumber: string;
  position: string | null;
}

const hireColumns: ColumnSpec[] = [
  { key: 'name', label: '姓名', headers: ['姓名', '人员姓名', '应聘人员姓名'], required: true },
  {
    key: 'idNumber',
    label: '身份证号',
    headers: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'],
    required: true,
  },
  {
    key: 'position',
    label: '岗位',
    headers: ['岗位', '拟聘岗位', '职务', '应聘岗位', '岗位名称'],
    required: false,
  },
];

export const maxHiresPerCheck = 2000;

/** 新入职人员名单 (.xlsx: 姓名, 身份证号, 岗位…), every cell checked through the shared cleaners. */
export async function parseHires(base64: string, fileName: string): Promise<Hire[]> {
  // Far more rows than a check may hold still get the message below; the reader stops beyond.
  const rows = await readSheet(base64, hireColumns, fileName, { maxRows: 10 * maxHiresPerCheck });
  if (rows.length === 0) throw new DomainError('VALIDATION', `文件 ${fileName} 中没有人员`);
  if (rows.length > maxHiresPerCheck) {
    throw new DomainError(
      'VALIDATION',
      `一次最多查询 ${maxHiresPerCheck} 人，文件 ${fileName} 有 ${rows.length} 人，请分批提交`,
    );
  }
  const problems: string[] = [];
  const hires: Hire[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const name = cleanName(cells.name);
    if (!name.ok) problems.push(`第 ${row} 行“姓名”列：${name.reason}`);
    const id = cleanIdNumber(cells.idNumber || null);
    const idProblem = id.ok ? (id.problem ?? null) : id.reason;
    if (idProblem) problems.push(`第 ${row} 行“身份证号”列：${idProblem}`);
    else if (id.ok && seen.has(id.value))
      problems.push(`第 ${row} 行“身份证号”列：与第 ${seen.get(id.value)} 行重复`);
    const position = cells.position?.trim() || null;
    if (position && position.length > 50) problems.push(`第 ${row} 行“岗位”列：最多 50 个字`);
    if (name.ok && id.ok && !idProblem) {
      seen.set(id.value, row);
      hires.push({ row, name: name.value, idNumber: id.value, position });
    }
  }
  refuseProblems(fileName, problems);
  return hires;
}
