import { chineseNumeral } from '@procura/domain/deadlines/index';
import { AlignmentType, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { TFigure } from '../cockpit/schema.ts';
import {
  blankLine,
  bodyText,
  heading,
  paragraphs,
  renderOfficialDocument,
  signature,
} from '../documents/official-document.ts';
import { figureText, type MeasuredSection } from './content.ts';
import { chartSize, renderChartPng } from './render-chart.ts';

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

/** 数字 | 本期 | 去年同期 | 同比, A4 less the official margins (8,845 twips). */
function figureTable(figures: TFigure[]): Table {
  const header = new TableRow({
    tableHeader: true,
    children: ['项目', '本期', '去年同期', '同比'].map((t) => cell(t, 'center')),
  });
  const rows = figures.map(
    (f) =>
      new TableRow({
        children: [
          cell(f.name),
          cell(figureText(f, f.value ?? 0), 'right'),
          cell(figureText(f, f.previous ?? 0), 'right'),
          cell(rate(f), 'center'),
        ],
      }),
  );
  return new Table({
    width: { size: 8845, type: WidthType.DXA },
    columnWidths: [3245, 2100, 2100, 1400],
    rows: [header, ...rows],
  });
}

function rate(f: TFigure): string {
  const value = f.value ?? 0;
  const previous = f.previous ?? 0;
  if (value === previous) return '持平';
  if (previous === 0) return '—';
  const r = ((value - previous) / previous) * 100;
  return `${r > 0 ? '+' : ''}${r.toFixed(1)}%`;
}

function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, line: 560 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: '黑体', size: bodyText.size })],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, ...tableText })],
  });
}

export interface ReportDocument {
  procuratorate: string;
  title: string;
  /** e.g. 统计期间：2026年1月1日至2026年3月31日（全院）. */
  subtitle: string;
  /** Each section: the measured figures and charts, and the text (the chief's edit or the generated). */
  sections: (MeasuredSection & { text: string })[];
  date: string;
}

/** 工作报告 / 白皮书 / 类案分析 in the official layout: text, figure tables with 同比, charts as PNG. */
export function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  let chartNumber = 0;
  const body = doc.sections.flatMap((section, index) => {
    const parts: (Paragraph | Table)[] = [
      sectionHeading(`${chineseNumeral(index + 1)}、${section.title}`),
      ...paragraphs(section.text),
    ];
    const shown = section.figures.filter((f) => f.value !== null);
    if (shown.length) parts.push(caption(`表：${section.title}主要数据`), figureTable(shown), blankLine());
    for (const chart of section.charts) {
      chartNumber += 1;
      parts.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: renderChartPng(chart),
              transformation: { width: 560, height: (560 * chartSize.height) / chartSize.width },
              altText: { name: `chart${chartNumber}`, title: chart.title, description: chart.title },
            }),
          ],
        }),
        caption(`图${chartNumber}：${chart.title}（本期与去年同期）`),
      );
    }
    return parts;
  });
  return renderOfficialDocument({
    creator: doc.procuratorate,
    title: doc.title,
    children: [
      heading(doc.procuratorate),
      heading(doc.title, { spaceAfter: true }),
      caption(doc.subtitle),
      blankLine(),
      ...body,
      blankLine(),
      ...signature(doc.procuratorate, doc.date).slice(0, 2),
    ],
  });
}
