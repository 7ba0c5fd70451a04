import type { Database } from '@procura/db';
import { computedIndicators } from '@procura/domain/assessment/indicators';
import { assignGrades, gradeLabels, type QuotaCheck, type TGrade } from '@procura/domain/assessment/scoring';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { exportFileName } from '../export/send-xlsx.ts';
import type { XlsxColumn, XlsxSheet } from '../export/write-xlsx.ts';
import type { PeriodAssessment, PersonResult } from './assess.ts';
import { assessReach } from './profile.ts';

/** One person's line of the period's result sheet and grade list. */
export interface ResultRow {
  rank: number;
  userId: number;
  name: string;
  departmentName: string;
  /** Several when moved mid-period: 「第一检察部 120 天；第六检察部 245 天」. */
  departments: string;
  quality: number;
  efficiency: number;
  effect: number;
  total: number;
  bandGrade: TGrade;
  bandGradeLabel: string;
  grade: TGrade;
  gradeLabel: string;
  gradeNote: string | null;
  /** 党员积分 of the period (approved entries, each rule held to its cap). */
  partyPoints: number;
  /** By scheme indicator key: the value of the primary membership. */
  values: Record<string, number | null>;
}

export interface ResultsView {
  period: { from: string; to: string };
  schemeName: string;
  indicators: { key: string; name: string; unit: string }[];
  rows: ResultRow[];
  quotas: (QuotaCheck & { gradeLabel: string })[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function resultsOf(assessment: PeriodAssessment): ResultsView {
  const { grades, quotas } = assignGrades(
    assessment.people.map((p) => ({ userId: p.userId, total: p.total })),
    assessment.scheme.bands,
  );
  const gradeOf = new Map(grades.map((g) => [g.userId, g]));
  const rows = assessment.people.map((person: PersonResult, index): ResultRow => {
    const grade = gradeOf.get(person.userId);
    const values: Record<string, number | null> = {};
    assessment.scheme.indicators.forEach((indicator, i) => {
      values[indicator.key] = person.primary.indicators[i]?.value ?? null;
    });
    return {
      rank: index + 1,
      userId: person.userId,
      name: person.name,
      departmentName: person.primary.departmentName,
      departments: person.segments.map((s) => `${s.departmentName} ${s.days} 天`).join('；'),
      quality: round2(person.byDimension.quality),
      efficiency: round2(person.byDimension.efficiency),
      effect: round2(person.byDimension.effect),
      total: round2(person.total),
      bandGrade: grade?.bandGrade ?? 'incompetent',
      bandGradeLabel: gradeLabels[grade?.bandGrade ?? 'incompetent'],
      grade: grade?.grade ?? 'incompetent',
      gradeLabel: gradeLabels[grade?.grade ?? 'incompetent'],
      gradeNote: grade?.note ?? null,
      partyPoints: person.points ?? 0,
      values,
    };
  });
  return {
    period: assessment.period,
    schemeName: assessment.scheme.name,
    indicators: assessment.scheme.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      unit: i.computedKey ? computedIndicators[i.computedKey].unit : '',
    })),
    rows,
    quotas: quotas.map((q) => ({ ...q, gradeLabel: gradeLabels[q.grade] })),
  };
}

export async function loadResults(database: Database, user: SessionUser, year: number): Promise<ResultsView> {
  return resultsOf(await assessReach(database.db, user, year));
}

export type TExportKind = 'results' | 'grades' | 'candidates';

const titles: Record<TExportKind, { zh: string; ascii: string }> = {
  results: { zh: '考评结果表', ascii: 'assessment-results' },
  grades: { zh: '考核等次名单', ascii: 'assessment-grades' },
  candidates: { zh: '评先选优候选名单', ascii: 'assessment-candidates' },
};

/** The period's result sheet, grade list or candidate list of everyone in reach; audited. */
export async function prepareResultsExport(
  database: Database,
  options: { user: SessionUser; ip: string | null; year: number; kind: TExportKind },
): Promise<{ fileName: string; asciiFileName: string; sheet: XlsxSheet<ResultRow> }> {
  const view = await loadResults(database, options.user, options.year);
  const quota = view.quotas
    .map(
      (q) =>
        `${q.gradeLabel}名额 ${q.allowed} 人，按分数段 ${q.proposed} 人，${q.withinQuota ? '未超出' : '超出，已按排名调整'}`,
    )
    .join('；');
  const base: XlsxColumn<ResultRow>[] = [
    { header: '排名', value: (r) => r.rank, kind: 'number' },
    { header: '姓名', value: (r) => r.name },
    { header: '部门', value: (r) => r.departments },
  ];
  let columns: XlsxColumn<ResultRow>[];
  let rows = view.rows;
  if (options.kind === 'results') {
    columns = [
      ...base,
      ...view.indicators.map(
        (i): XlsxColumn<ResultRow> => ({
          header: i.unit ? `${i.name}（${i.unit}）` : i.name,
          value: (r) => r.values[i.key] ?? '无基数',
        }),
      ),
      { header: '质量得分', value: (r) => r.quality, kind: 'number' },
      { header: '效率得分', value: (r) => r.efficiency, kind: 'number' },
      { header: '效果得分', value: (r) => r.effect, kind: 'number' },
      { header: '总分', value: (r) => r.total, kind: 'number' },
      { header: '党员积分', value: (r) => r.partyPoints, kind: 'number' },
      { header: '等次', value: (r) => r.gradeLabel },
    ];
  } else if (options.kind === 'grades') {
    columns = [
      ...base,
      { header: '总分', value: (r) => r.total, kind: 'number' },
      { header: '按分数段', value: (r) => r.bandGradeLabel },
      { header: '确定等次', value: (r) => r.gradeLabel },
      { header: '名额核对', value: (r) => r.gradeNote ?? (quota || '无名额限制') },
    ];
  } else {
    rows = view.rows.filter((r) => r.bandGrade === 'excellent');
    columns = [
      ...base,
      { header: '总分', value: (r) => r.total, kind: 'number' },
      { header: '确定等次', value: (r) => r.gradeLabel },
      {
        header: '候选类别',
        value: (r) => (r.grade === 'excellent' ? '评先选优候选人' : '备选（分数达到优秀，超出名额）'),
      },
      { header: '依据', value: (r) => r.gradeNote ?? `总分 ${r.total}，排名第 ${r.rank} 位；${quota}` },
    ];
  }
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'assessment.export',
      targetType: 'assessment',
      ip: options.ip,
      detail: { kind: options.kind, period: view.period, rows: rows.length, ids: rows.map((r) => r.userId) },
    }),
  );
  const title = titles[options.kind];
  const year = view.period.from.slice(0, 4);
  return {
    fileName: exportFileName(`${year}年度${title.zh}`),
    asciiFileName: exportFileName(`${title.ascii}-${year}`),
    sheet: { sheetName: title.zh, columns, rows },
  };
}
