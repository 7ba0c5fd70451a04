import { formatYuan } from '@procura/domain/clean/amount';
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  addresseeLine,
  blankLine,
  bodyLine,
  heading,
  paragraphs,
  renderOfficialDocument,
  rightLine,
  signature,
} from '../documents/official-document.ts';

/** 民事诉讼法 第十五条, the basis of every supported prosecution (../shared/domain/laws). */
export const supportBasis = '《中华人民共和国民事诉讼法》第十五条';

export interface OpinionDocument {
  procuratorate: string;
  caseNumber: string;
  /** The court the suit is filed with; blank line for the handler to fill when not yet filed. */
  court: string | null;
  respondent: string;
  respondentCode: string | null;
  claimLabel: string;
  applicants: { name: string; idNumber: string; category: string; claimFen: number }[];
  totalClaimFen: number;
  /** Why the applicants cannot sue alone (the eligibility review's reasons and text). */
  reasons: string[];
  reasoning: string;
  /** Day of issue in China ('YYYY-MM-DD'). */
  date: string;
}

const tableText = { font: '仿宋_GB2312', size: 24 } as const;

function cell(text: string, align: 'left' | 'right' | 'center' = 'left'): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment:
          align === 'right'
            ? AlignmentType.RIGHT
            : align === 'center'
              ? AlignmentType.CENTER
              : AlignmentType.LEFT,
        children: [new TextRun({ text, ...tableText })],
      }),
    ],
  });
}

/** 申请人名单: 序号, 姓名, 公民身份号码, 人员类别, 请求金额 (元), and the total. */
function applicantTable(doc: OpinionDocument): Table {
  const header = new TableRow({
    tableHeader: true,
    children: ['序号', '姓名', '公民身份号码', '人员类别', '请求金额（元）'].map((t) => cell(t, 'center')),
  });
  const rows = doc.applicants.map(
    (a, i) =>
      new TableRow({
        children: [
          cell(String(i + 1), 'center'),
          cell(a.name),
          cell(a.idNumber),
          cell(a.category),
          cell(formatYuan(a.claimFen), 'right'),
        ],
      }),
  );
  const total = new TableRow({
    children: [
      cell('合计', 'center'),
      cell(`${doc.applicants.length} 人`),
      cell(''),
      cell(''),
      cell(formatYuan(doc.totalClaimFen), 'right'),
    ],
  });
  // A4 less the official margins is 8,845 twips: 序号, 姓名, 公民身份号码, 人员类别, 请求金额.
  return new Table({
    width: { size: 8845, type: WidthType.DXA },
    columnWidths: [800, 1400, 3000, 1745, 1900],
    rows: [header, ...rows, total],
  });
}

/** 支持起诉意见书 in the official layout: 院名, title, 文号, the court, the facts, the applicant table. */
export function renderOpinionDocx(doc: OpinionDocument): Promise<Buffer> {
  const count = doc.applicants.length;
  const who = count === 1 ? doc.applicants[0]!.name : `${doc.applicants[0]?.name ?? ''}等 ${count} 人`;
  const reasons = doc.reasons.length > 0 ? `${doc.reasons.join('；')}。` : '';
  return renderOfficialDocument({
    creator: doc.procuratorate,
    title: '支持起诉意见书',
    children: [
      heading(doc.procuratorate),
      heading('支持起诉意见书', { spaceAfter: true }),
      rightLine(doc.caseNumber, { spaceAfter: true }),
      addresseeLine(`${doc.court ?? '＿＿＿＿＿＿＿＿'}：`),
      bodyLine(
        `申请人${who}与被告${doc.respondent}${doc.respondentCode ? `（统一社会信用代码：${doc.respondentCode}）` : ''}${doc.claimLabel}纠纷一案，本院经审查认为：`,
      ),
      bodyLine(`申请人属于需要支持起诉的对象，不能独立、有效地提起诉讼。${reasons}`),
      ...paragraphs(doc.reasoning),
      bodyLine(`申请人共 ${count} 人，请求金额合计 ${formatYuan(doc.totalClaimFen)} 元，名单如下：`),
      applicantTable(doc),
      blankLine(),
      bodyLine(
        `依照${supportBasis}“机关、社会团体、企业事业单位对损害国家、集体或者个人民事权益的行为，可以支持受损害的单位或者个人向人民法院起诉”的规定，本院支持申请人向你院提起诉讼，请依法审理。`,
      ),
      blankLine(),
      ...signature(doc.procuratorate, doc.date),
    ],
  });
}
