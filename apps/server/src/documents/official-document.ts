import { chineseNumeral } from '@procura/domain/deadlines/index';
import { AlignmentType, Document, Packer, Paragraph, type Table, TextRun } from 'docx';

/**
 * The layout every document the procuratorate sends out shares (检察建议书, 督促监护令, 入职查询结果
 * 告知函): 仿宋 三号 body, 小标宋 二号 headings, the official margins, 院名 and date at the foot.
 */
export const bodyText = { font: '仿宋_GB2312', size: 32 } as const;
const headingText = { font: '方正小标宋简体', size: 44 } as const;
const margins = { top: 2098, bottom: 1984, left: 1587, right: 1474 };

/** 2026-11-26 → 二〇二六年十一月二十六日 */
export function chineseDate(date: string): string {
  const digits = '〇一二三四五六七八九';
  const year = [...date.slice(0, 4)].map((d) => digits[Number(d)]).join('');
  return `${year}年${chineseNumeral(Number(date.slice(5, 7)))}月${chineseNumeral(Number(date.slice(8, 10)))}日`;
}

/** A body paragraph: first line indented two characters, fixed line spacing. */
export function bodyLine(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, ...bodyText })],
  });
}

/** One body paragraph per non-empty line of the text. */
export function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(bodyLine);
}

/** 院名 or the document's title, centred. */
export function heading(text: string, options: { spaceAfter?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...(options.spaceAfter ? { spacing: { after: 240 } } : {}),
    children: [new TextRun({ text, ...headingText })],
  });
}

/** A line set flush right (文号, 院名 and date at the foot). */
export function rightLine(text: string, options: { spaceAfter?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    ...(options.spaceAfter ? { spacing: { after: 240 } } : {}),
    children: [new TextRun({ text, ...bodyText })],
  });
}

/** The addressee line, flush left: 「成都市成华区农业农村局：」. */
export function addresseeLine(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...bodyText })] });
}

/** The foot: 院名, the date in Chinese and the place of the seal. */
export function signature(procuratorate: string, date: string): Paragraph[] {
  return [rightLine(procuratorate), rightLine(chineseDate(date)), rightLine('（院印）')];
}

export const blankLine = (): Paragraph => new Paragraph({ children: [] });

export function renderOfficialDocument(options: {
  creator: string;
  title: string;
  /** Paragraphs, and tables (the applicant table of a 支持起诉意见书). */
  children: (Paragraph | Table)[];
}): Promise<Buffer> {
  const document = new Document({
    creator: options.creator,
    title: options.title,
    styles: { default: { document: { run: { font: bodyText.font, size: bodyText.size } } } },
    sections: [{ properties: { page: { margin: margins } }, children: options.children }],
  });
  return Packer.toBuffer(document);
}
