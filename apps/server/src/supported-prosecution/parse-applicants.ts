import { cleanAmount, formatYuan } from '@procura/domain/clean/amount';
import { cleanDate } from '@procura/domain/clean/date';
import { cleanName } from '@procura/domain/clean/name';
import {
  categoryWords,
  type TWeakPartyCategory,
  weakPartyCategories,
} from '@procura/domain/supported-prosecution';
import { type ColumnSpec, readSheet, refuseProblems } from '../employment-checks/read-sheet.ts';
import { DomainError } from '../errors.ts';
import { cleanApplicantId, cleanPhone } from './clean-fields.ts';

export interface ApplicantRow {
  row: number;
  name: string;
  idNumber: string;
  phone: string | null;
  /** Null when the sheet leaves it blank (the case's claim decides). */
  category: TWeakPartyCategory | null;
  claimFen: number;
  recoveredFen: number | null;
  paidOn: string | null;
}

const columns: ColumnSpec[] = [
  {
    key: 'name',
    label: '姓名',
    headers: ['姓名', '申请人', '申请人姓名', '劳动者姓名', '职工姓名'],
    required: true,
  },
  {
    key: 'idNumber',
    label: '身份证号',
    headers: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'],
    required: true,
  },
  {
    key: 'phone',
    label: '联系电话',
    headers: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
    required: false,
  },
  {
    key: 'category',
    label: '人员类别',
    headers: ['人员类别', '类别', '困难类别', '群体类别'],
    required: false,
  },
  {
    key: 'claim',
    label: '请求金额',
    headers: [
      '请求金额',
      '追索金额',
      '欠薪金额',
      '拖欠工资',
      '拖欠金额',
      '欠付金额',
      '诉请金额',
      '金额',
      '请求金额（元）',
      '欠薪金额（元）',
    ],
    required: true,
  },
  {
    key: 'recovered',
    label: '追回金额',
    headers: ['追回金额', '已追回金额', '实际追回金额', '到账金额', '追回金额（元）'],
    required: false,
  },
  {
    key: 'paidOn',
    label: '支付日期',
    headers: ['支付日期', '到账日期', '付款日期', '发放日期'],
    required: false,
  },
];

const categoryByWord = new Map<string, TWeakPartyCategory>(
  Object.entries(categoryWords).flatMap(([id, words]) => words.map((w) => [w, id as TWeakPartyCategory])),
);

export const maxApplicantsPerImport = 2000;

/**
 * The applicants' list a labour bureau or legal-aid office sends (.xlsx: 姓名, 身份证号, 联系电话,
 * 人员类别, 请求金额, optionally 追回金额 and 支付日期): every cell through the shared cleaners;
 * any bad cell refuses the whole file, naming the file, row and column.
 */
export async function parseApplicants(base64: string, fileName: string): Promise<ApplicantRow[]> {
  const rows = await readSheet(base64, columns, fileName, { maxRows: 10 * maxApplicantsPerImport });
  if (rows.length === 0) throw new DomainError('VALIDATION', `文件 ${fileName} 中没有申请人`);
  if (rows.length > maxApplicantsPerImport) {
    throw new DomainError(
      'VALIDATION',
      `一次最多导入 ${maxApplicantsPerImport} 名申请人，文件 ${fileName} 有 ${rows.length} 人，请分批导入`,
    );
  }
  const problems: string[] = [];
  const parsed: ApplicantRow[] = [];
  for (const { row, cells } of rows) {
    const at = (label: string, reason: string) => problems.push(`第 ${row} 行“${label}”列：${reason}`);
    const name = cleanName(cells.name);
    if (!name.ok) at('姓名', name.reason);
    else if (name.value.length > 50) at('姓名', '最多 50 个字');
    const id = cleanApplicantId(cells.idNumber ?? '');
    if (!id.ok) at('身份证号', id.reason);
    const phone = cleanPhone(cells.phone);
    if (!phone.ok) at('联系电话', phone.reason);
    const categoryText = (cells.category ?? '').replace(/\s/g, '');
    const category = categoryText ? (categoryByWord.get(categoryText) ?? null) : null;
    if (categoryText && !category) {
      at('人员类别', `“${categoryText}”不是可选类别（${Object.values(weakPartyCategories).join('、')}）`);
    }
    const claim = cleanAmount(cells.claim || null);
    if (!claim.ok) at('请求金额', claim.reason);
    const recovered = cells.recovered ? cleanAmount(cells.recovered) : null;
    if (recovered && !recovered.ok) at('追回金额', recovered.reason);
    const paidOn = cells.paidOn ? cleanDate(cells.paidOn) : null;
    if (paidOn && !paidOn.ok) at('支付日期', paidOn.reason);
    if (recovered?.ok && !paidOn) at('支付日期', '已填追回金额，须填支付日期');
    if (paidOn?.ok && !recovered) at('追回金额', '已填支付日期，须填追回金额');
    if (claim.ok && recovered?.ok && recovered.value > claim.value) {
      at(
        '追回金额',
        `${formatYuan(recovered.value)} 元超过请求金额 ${formatYuan(claim.value)} 元；如确有超出，请导入后逐人记录并说明原因`,
      );
    }
    if (name.ok && id.ok && phone.ok && claim.ok) {
      parsed.push({
        row,
        name: name.value,
        idNumber: id.value,
        phone: phone.value,
        category,
        claimFen: claim.value,
        recoveredFen: recovered?.ok ? recovered.value : null,
        paidOn: paidOn?.ok ? paidOn.value : null,
      });
    }
  }
  refuseProblems(fileName, problems);
  return parsed;
}
