import { type Database, schema } from '@procura/db';
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { blankLine, bodyLine, heading, renderOfficialDocument } from '../documents/official-document.ts';
import { assessPeriod } from './assess.ts';
import { loadProfile, yearPeriod } from './profile.ts';
import { resultsOf } from './results.ts';

/**
 * 检察官业绩考评表 (个人, ready to sign): the person's indicators with value, weight, score and the
 * rule, the total and the grade of the whole procuratorate's list (quotas checked), and the
 * signature lines of the person, the department head and the assessment committee. The reach and
 * the audit of reading another person's profile are loadProfile's.
 */

const tableText = { font: '仿宋_GB2312', size: 21 } as const;

function cell(text: string, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, ...tableText, ...(options.bold ? { bold: true } : {}) })],
      }),
    ],
  });
}

const fmt = (n: number | null) => (n === null ? '无基数' : Number.isInteger(n) ? String(n) : n.toFixed(2));

export async function renderAppraisalForm(
  database: Database,
  options: { user: SessionUser; ip: string | null; userId: number; year: number },
): Promise<{ fileName: string; content: Buffer }> {
  const profile = await loadProfile(database, options);
  const all = resultsOf(
    await assessPeriod(database.db, {
      period: yearPeriod(options.year),
      asOf: today(),
      departmentIds: 'all',
    }),
  );
  const row = all.rows.find((r) => r.userId === options.userId);
  const [procuratorate] = await database.db
    .select({ name: schema.procuratorate.name })
    .from(schema.procuratorate);
  const name = procuratorate?.name ?? '';
  const segmentTables = profile.segments.flatMap((segment) => [
    bodyLine(
      `${segment.departmentName}（${segment.from} 至 ${segment.to}，${segment.days} 天）：得分 ${segment.total}，部门内排名第 ${segment.rank} / ${segment.of} 名。${segment.scaleNote ?? ''}`,
    ),
    new Table({
      width: { size: 8845, type: WidthType.DXA },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['指标', '类别', '数值', '权重', '得分', '计分规则'].map((h) =>
            cell(h, { bold: true, center: true }),
          ),
        }),
        ...segment.indicators.map(
          (i) =>
            new TableRow({
              children: [
                cell(i.name),
                cell(i.dimensionLabel, { center: true }),
                cell(`${fmt(i.value)}${i.value === null ? '' : i.unit}`, { center: true }),
                cell(String(i.weight), { center: true }),
                cell(i.applicable ? i.score.toFixed(2) : '不计分', { center: true }),
                cell(i.rule),
              ],
            }),
        ),
      ],
    }),
    blankLine(),
  ]);
  const content = await renderOfficialDocument({
    creator: name,
    title: `${options.year}年度检察官业绩考评表`,
    children: [
      heading(name),
      heading(`${options.year}年度检察官业绩考评表`, { spaceAfter: true }),
      bodyLine(
        `姓名：${profile.person.name}    考核期间：${profile.period.from} 至 ${profile.period.to}（不含）`,
      ),
      bodyLine(`考评方案：${profile.schemeName}`),
      ...segmentTables,
      bodyLine(
        `总分：${profile.total}（质量 ${profile.dimensions.find((d) => d.dimension === 'quality')?.score ?? 0}，效率 ${profile.dimensions.find((d) => d.dimension === 'efficiency')?.score ?? 0}，效果 ${profile.dimensions.find((d) => d.dimension === 'effect')?.score ?? 0}）`,
      ),
      bodyLine(
        `考核等次（全院名额核对后）：${row?.gradeLabel ?? '—'}${row?.gradeNote ? `（${row.gradeNote}）` : ''}`,
      ),
      bodyLine(
        '各项指标口径见本院《业绩考评计算指标与口径》；数值均由平台根据办案记录计算，可逐项查阅来源记录。',
      ),
      blankLine(),
      bodyLine('本人意见：                                   签名：            年    月    日'),
      blankLine(),
      bodyLine('部门负责人意见：                             签名：            年    月    日'),
      blankLine(),
      bodyLine('考核委员会意见：                             （盖章）          年    月    日'),
    ],
  });
  return { fileName: `${options.year}年度检察官业绩考评表_${profile.person.name}.docx`, content };
}
