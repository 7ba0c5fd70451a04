import { formatYuan } from '@procura/domain/clean/amount';
import { pilFields } from '@procura/domain/public-interest-fields';
import { reportLines, type TReportKind, type TReportLine } from '@procura/domain/reports/kinds';
import type { TBreakdown, TCockpit, TFigure } from '../cockpit/schema.ts';

/** A bar chart of the period against the same period last year (rendered to PNG for the .docx). */
export interface ChartSpec {
  title: string;
  unit: string;
  categories: string[];
  current: number[];
  previous: number[];
}

/** One section of a report as measured now: its figures, the text written from them, its charts. */
export interface MeasuredSection {
  id: string;
  title: string;
  figures: TFigure[];
  generated: string;
  charts: ChartSpec[];
}

/** A figure's value as the report prints it: money by the one formatter in 元, counts with their unit. */
export function figureText(figure: Pick<TFigure, 'money' | 'unit'>, value: number): string {
  return figure.money ? `${formatYuan(value)}元` : `${value}${figure.unit}`;
}

/** 同比: 上升 / 下降 n% (去年同期 …), 持平, or no rate when last year had none. */
export function comparisonText(figure: Pick<TFigure, 'money' | 'unit' | 'value' | 'previous'>): string {
  const value = figure.value ?? 0;
  const previous = figure.previous ?? 0;
  const before = `去年同期${figureText(figure, previous)}`;
  if (value === previous) return `与去年同期持平（${before}）`;
  if (previous === 0) return `${before}`;
  const rate = (Math.abs(value - previous) / previous) * 100;
  return `同比${value > previous ? '上升' : '下降'}${rate.toFixed(1)}%（${before}）`;
}

const sentence = (figure: TFigure) =>
  `${figure.name}${figureText(figure, figure.value ?? 0)}，${comparisonText(figure)}`;

/** The sentences of the shown figures, joined into one paragraph. */
function describe(figures: TFigure[], lead: string): string {
  const shown = figures.filter((f) => f.value !== null);
  if (shown.length === 0) return `${lead}本期无可统计的数据。`;
  return `${lead}${shown.map(sentence).join('；')}。`;
}

const fillIn = '（请根据本期办案情况填写。）';

function summed(breakdown: TBreakdown | undefined): ChartSpec | null {
  if (!breakdown) return null;
  const byKey = new Map<string, { label: string; value: number; previous: number }>();
  for (const item of breakdown.items) {
    const row = byKey.get(item.key) ?? { label: item.label, value: 0, previous: 0 };
    row.value += item.value;
    row.previous += item.previous;
    byKey.set(item.key, row);
  }
  const rows = [...byKey.values()].sort((a, b) => b.value - a.value);
  return {
    title: breakdown.perMonth ? breakdown.title.replace('每月', '') : breakdown.title,
    unit: breakdown.unit,
    categories: rows.map((r) => r.label),
    current: rows.map((r) => r.value),
    previous: rows.map((r) => r.previous),
  };
}

function figureChart(title: string, unit: string, figures: TFigure[], scale = 1): ChartSpec | null {
  const shown = figures.filter((f) => f.value !== null);
  if (shown.length === 0) return null;
  return {
    title,
    unit,
    categories: shown.map((f) => f.name),
    current: shown.map((f) => (f.value ?? 0) / scale),
    previous: shown.map((f) => (f.previous ?? 0) / scale),
  };
}

const present = <T>(items: (T | null)[]): T[] => items.filter((i): i is T => i !== null);

/** The sections of the work report: an overview, one per line of work, and the deadlines. */
function workSections(cockpit: TCockpit): MeasuredSection[] {
  const figures = new Map(cockpit.sections.flatMap((s) => s.figures).map((f) => [f.metricId, f]));
  const pick = (...ids: string[]) => present(ids.map((id) => figures.get(id) ?? null));
  const breakdown = (id: string) => cockpit.breakdowns.find((b) => b.id === id);
  const money = pick('pilRecovered', 'supportRecovered', 'aidPaid', 'modelRecovered');
  const lines: Record<TReportLine, MeasuredSection> = {
    publicInterest: {
      id: 'publicInterest',
      title: reportLines.publicInterest,
      figures: pick('pilRecovered', 'pilPeople'),
      generated: '',
      charts: present([summed(breakdown('pilByField'))]),
    },
    supportedProsecution: {
      id: 'supportedProsecution',
      title: reportLines.supportedProsecution,
      figures: pick('supportRecovered', 'supportPeople'),
      generated: '',
      charts: [],
    },
    judicialAid: {
      id: 'judicialAid',
      title: reportLines.judicialAid,
      figures: pick('aidPaid', 'aidPeople'),
      generated: '',
      charts: [],
    },
    dataModel: {
      id: 'dataModel',
      title: reportLines.dataModel,
      figures: pick('modelRuns', 'modelHits', 'modelConfirmed', 'modelClues', 'modelCases', 'modelRecovered'),
      generated: '',
      charts: present([
        figureChart(
          '大数据法律监督模型：运行、命中到成案',
          '',
          pick('modelRuns', 'modelHits', 'modelConfirmed', 'modelClues', 'modelCases'),
        ),
      ]),
    },
    juvenile: {
      id: 'juvenile',
      title: reportLines.juvenile,
      figures: pick(
        'juvenileCases',
        'guardianshipOrders',
        'followUpsReturned',
        'lettersReceived',
        'outreachAudience',
      ),
      generated: '',
      charts: present([summed(breakdown('lettersByTopic'))]),
    },
  };
  const overview: MeasuredSection = {
    id: 'overview',
    title: '总体情况',
    figures: pick(
      'cluesReceived',
      'casesOpened',
      'suggestionsIssued',
      'suggestionsReplied',
      'suggestionsRectified',
      'suitsFiled',
    ),
    generated: '',
    charts: present([
      summed(breakdown('casesByLine')),
      figureChart('办案成效：挽回和发放金额', '万元', money, 1_000_000),
    ]),
  };
  const deadlines: MeasuredSection = {
    id: 'deadlines',
    title: '期限管理',
    figures: pick('deadlinesMet', 'deadlinesOverdue'),
    generated: '',
    charts: [],
  };
  return [overview, ...Object.values(lines), deadlines];
}

function withText(section: MeasuredSection, lead: string): MeasuredSection {
  return { ...section, generated: describe(section.figures, lead) };
}

/**
 * The sections of a report measured from the cockpit's figures (the same definitions and values the
 * cockpit and the statistical tables show): 工作报告 all lines, 白皮书 one line, 类案分析 one field.
 */
export function measuredSections(
  kind: TReportKind,
  subject: string | null,
  cockpit: TCockpit,
): MeasuredSection[] {
  const period = `${cockpit.from}至${lastDay(cockpit.to)}，`;
  if (kind === 'workReport') {
    return workSections(cockpit).map((s) => withText(s, period));
  }
  if (kind === 'whitePaper') {
    const line = workSections(cockpit).find((s) => s.id === subject);
    if (!line) return [];
    return [
      withText({ ...line, id: 'situation', title: '基本情况' }, period),
      { id: 'problems', title: '存在的问题', figures: [], generated: fillIn, charts: [] },
      { id: 'nextSteps', title: '下一步工作', figures: [], generated: fillIn, charts: [] },
    ];
  }
  const field = pilFields[subject as keyof typeof pilFields] ?? subject ?? '';
  const byField = cockpit.breakdowns.find((b) => b.id === 'pilByField');
  const item = byField?.items.find((i) => i.key === subject);
  const total = byField?.items.reduce((sum, i) => sum + i.value, 0) ?? 0;
  const caseFigure: TFigure = {
    metricId: 'pilCasesByField',
    name: `${field}领域公益诉讼立案`,
    definition: byField?.definition ?? '',
    unit: '件',
    money: false,
    value: byField ? (item?.value ?? 0) : null,
    previous: byField ? (item?.previous ?? 0) : null,
    hidden: item?.hidden ?? 0,
    list: item?.list ?? null,
    note: null,
  };
  const share =
    byField && total > 0
      ? `，占全部已标明领域的公益诉讼立案${total}件的${(((item?.value ?? 0) / total) * 100).toFixed(1)}%`
      : '';
  const situation = withText(
    {
      id: 'situation',
      title: '基本情况',
      figures: [caseFigure],
      generated: '',
      charts: present([summed(byField)]),
    },
    period,
  );
  return [
    { ...situation, generated: situation.generated.replace(/。$/, `${share}。`) },
    { id: 'problems', title: '发现的主要问题', figures: [], generated: fillIn, charts: [] },
    { id: 'causes', title: '原因分析', figures: [], generated: fillIn, charts: [] },
    { id: 'suggestions', title: '对策建议', figures: [], generated: fillIn, charts: [] },
  ];
}

/** The last day of [from, to). */
export function lastDay(to: string): string {
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
