import { guardianshipBasis } from '@procura/domain/juvenile/follow-up';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { chineseDate } from '../suggestions/render-suggestion-docx.ts';

export interface OrderDocument {
  procuratorate: string;
  guardianName: string;
  relation: string;
  minorName: string;
  facts: string;
  requirements: string;
  partnerBody: string;
  sessions: { on: string; topic: string }[];
  /** Day of issue in China ('YYYY-MM-DD'). */
  date: string;
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

/** 督促监护令 in the layout of the 检察建议书 (render-suggestion-docx.ts): 院名, title, addressee, body, date. */
export async function renderOrderDocx(doc: OrderDocument): Promise<Buffer> {
  const plan = doc.sessions.map((s, i) => `${i + 1}. ${chineseDate(s.on)}：${s.topic}`).join('\n');
  const document = new Document({
    creator: doc.procuratorate,
    title: '督促监护令',
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
            children: [new TextRun({ text: '督促监护令', font: '方正小标宋简体', size: 44 })],
          }),
          new Paragraph({
            children: [
              new TextRun({
                text: `${doc.guardianName.trim()}（${doc.minorName}之${doc.relation}）：`,
                ...body,
              }),
            ],
          }),
          ...paragraphs(doc.facts),
          ...paragraphs(`根据${guardianshipBasis}的规定，本院责令你依法履行监护职责，并做到以下事项：`),
          ...paragraphs(doc.requirements),
          ...paragraphs(`你应当按期接受${doc.partnerBody}开展的家庭教育指导${plan ? '，安排如下：' : '。'}`),
          ...paragraphs(plan),
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
