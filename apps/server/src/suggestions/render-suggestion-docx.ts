import { chineseNumeral } from '@procura/domain/deadlines/index';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { TSuggestionKind } from './labels.ts';

export interface SuggestionDocument {
  procuratorate: string;
  /** null before issue: the number line then says it is allocated on issue. */
  docNumber: string | null;
  kind: TSuggestionKind;
  addressee: string;
  facts: string;
  legalBasis: string;
  requests: string;
  urgent: boolean;
  /** Day of issue in China ('YYYY-MM-DD'). */
  date: string;
}

const pilInterpretation =
  '《最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》第二十一条第二款';
const organisationLaw = '《中华人民共和国人民检察院组织法》第二十一条';

/** 2026-11-26 → 二〇二六年十一月二十六日 */
export function chineseDate(date: string): string {
  const digits = '〇一二三四五六七八九';
  const year = [...date.slice(0, 4)].map((d) => digits[Number(d)]).join('');
  return `${year}年${chineseNumeral(Number(date.slice(5, 7)))}月${chineseNumeral(Number(date.slice(8, 10)))}日`;
}

/** The reply request: the period (两个月, 十五日 when urgent) and the article it rests on. */
export function replySentence(kind: TSuggestionKind, urgent: boolean): string {
  const period = urgent ? '十五日' : '两个月';
  if (kind === 'preLitigation') {
    return `根据${pilInterpretation}的规定，请你单位在收到本检察建议书之日起${period}内依法履行职责，并书面回复本院。`;
  }
  return `根据${organisationLaw}的规定，请你单位在收到本检察建议书之日起${period}内将采纳检察建议的情况书面回复本院。`;
}

const body = { font: '仿宋_GB2312', size: 32 } as const;
const indent = { firstLine: 640 };

function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(
      (line) =>
        new Paragraph({ indent, spacing: { line: 560 }, children: [new TextRun({ text: line, ...body })] }),
    );
}

/** 检察建议书 in the usual layout: 院名 and title centred, 文号 right, 被建议单位, body, date, seal area. */
export async function renderSuggestionDocx(doc: SuggestionDocument): Promise<Buffer> {
  const basis = doc.legalBasis.trim().replace(/[。，,.;；\s]+$/, '');
  const document = new Document({
    creator: doc.procuratorate,
    title: doc.docNumber ? `检察建议书 ${doc.docNumber}` : '检察建议书（未签发）',
    styles: { default: { document: { run: { font: body.font, size: body.size } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.procuratorate, font: '方正小标宋简体', size: 44 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: '检察建议书', font: '方正小标宋简体', size: 44 })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.docNumber ?? '（文号于签发时分配）', ...body })],
          }),
          new Paragraph({ children: [new TextRun({ text: `${doc.addressee.trim()}：`, ...body })] }),
          ...paragraphs(doc.facts),
          ...paragraphs(`根据${basis}的规定，本院向你单位提出如下检察建议：`),
          ...paragraphs(doc.requests),
          ...paragraphs(replySentence(doc.kind, doc.urgent)),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: doc.procuratorate, ...body })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: chineseDate(doc.date), ...body })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: '（院印）', ...body })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
