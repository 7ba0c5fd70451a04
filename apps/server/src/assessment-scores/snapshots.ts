import { type Database, schema } from '@procura/db';
import { quartersOf } from '@procura/domain/assessment/dates';
import { gradeLabels } from '@procura/domain/assessment/scoring';
import { and, desc, eq, lt } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now, today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { assessPeriod, type FrozenAssessment, type Period, type PeriodAssessment } from './assess.ts';
import { seesJuvenileRecords } from './present.ts';
import { yearPeriod } from './profile.ts';
import { resultsOf } from './results.ts';

/**
 * 考评结果快照 and what changed between two calculations: a late record (a suggestion replied to,
 * a deadline completed after the fact) changes a value; the diff names the indicator, the values
 * and scores before and after, and the records that came or went.
 */

interface SnapshotRecord {
  key: string;
  type: string;
  id: number;
  label: string;
  url: string;
  juvenile: boolean;
}

interface SnapshotPerson {
  userId: number;
  name: string;
  departmentName: string;
  total: number;
  grade: string;
  indicators: Record<
    string,
    { name: string; value: number | null; score: number; records: SnapshotRecord[] }
  >;
}

interface SnapshotContent {
  people: SnapshotPerson[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What a snapshot keeps of an assessment: per person, each indicator's value, score and records. */
function snapshotContent(assessment: PeriodAssessment): SnapshotContent {
  const results = resultsOf(assessment);
  const gradeOf = new Map(results.rows.map((r) => [r.userId, r.grade]));
  return {
    people: assessment.people.map((person) => {
      const indicators: SnapshotPerson['indicators'] = {};
      assessment.scheme.indicators.forEach((indicator, i) => {
        const score = person.primary.indicators[i];
        const computed = indicator.computedKey ? person.primary.computed[indicator.computedKey] : undefined;
        indicators[indicator.key] = {
          name: indicator.name,
          value: score?.value ?? null,
          score: round2(score?.score ?? 0),
          records: (computed?.records ?? []).map((r) => ({
            key: `${r.type}:${r.id}`,
            type: r.type,
            id: r.id,
            label: r.label,
            url: r.url,
            juvenile: r.juvenile ?? false,
          })),
        };
      });
      return {
        userId: person.userId,
        name: person.name,
        departmentName: person.primary.departmentName,
        total: round2(person.total),
        grade: gradeOf.get(person.userId) ?? 'incompetent',
        indicators,
      };
    }),
  };
}

/**
 * Freezes a closed 考核周期: its assessment as computed at closing (the whole result, and each
 * quarter's totals for the trend) is stored as a snapshot that assessPeriod returns from then on
 * for exactly that period, so later records, a changed catalogue or next year's scheme never
 * change last year's scores.
 */
export async function freezePeriod(
  database: Database,
  options: { user: SessionUser; ip: string | null; periodName: string; period: Period },
): Promise<void> {
  const { period } = options;
  const asOf = today();
  const assessment = await assessPeriod(database.db, { period, asOf, departmentIds: 'all', live: true });
  const quarters: { label: string; from: string; to: string; totals: Record<string, number> }[] = [];
  for (const quarter of quartersOf(period)) {
    if (quarter.from > asOf) {
      quarters.push({ ...quarter, totals: {} });
      continue;
    }
    const q = await assessPeriod(database.db, { period: quarter, asOf, departmentIds: 'all', live: true });
    quarters.push({
      ...quarter,
      totals: Object.fromEntries(q.people.map((p) => [String(p.userId), Math.round(p.total * 100) / 100])),
    });
  }
  const frozen: FrozenAssessment = { assessment, quarters };
  const content = { ...snapshotContent(assessment), frozen };
  await database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(schema.assessmentSnapshots)
      .values({
        periodFrom: period.from,
        periodTo: period.to,
        schemeName: assessment.scheme.name,
        content: content as unknown as Record<string, unknown>,
        computedBy: options.user.id,
        computedAt: now(),
        note: `考核周期「${options.periodName}」关闭时冻结`,
      })
      .returning({ id: schema.assessmentSnapshots.id });
    await recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'assessment.freeze',
      targetType: 'assessmentSnapshot',
      targetId: inserted[0]?.id ?? null,
      ip: options.ip,
      detail: { period, people: content.people.length },
    });
  });
}

export async function recalculate(
  database: Database,
  options: { user: SessionUser; ip: string | null; year: number; note?: string | undefined },
) {
  const period = yearPeriod(options.year);
  const assessment = await assessPeriod(database.db, { period, asOf: today(), departmentIds: 'all' });
  const content = snapshotContent(assessment);
  const [row] = await database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(schema.assessmentSnapshots)
      .values({
        periodFrom: period.from,
        periodTo: period.to,
        schemeName: assessment.scheme.name,
        content: content as unknown as Record<string, unknown>,
        computedBy: options.user.id,
        computedAt: now(),
        note: options.note ?? null,
      })
      .returning({ id: schema.assessmentSnapshots.id });
    await recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'assessment.recalculate',
      targetType: 'assessmentSnapshot',
      targetId: inserted[0]?.id ?? null,
      ip: options.ip,
      detail: { period, people: content.people.length },
    });
    return inserted;
  });
  if (!row) throw new Error('snapshot not stored');
  return snapshotDiff(database, { user: options.user, id: row.id });
}

export async function listSnapshots(database: Database, year: number) {
  const period = yearPeriod(year);
  const rows = await database.db
    .select({
      id: schema.assessmentSnapshots.id,
      schemeName: schema.assessmentSnapshots.schemeName,
      computedAt: schema.assessmentSnapshots.computedAt,
      computedBy: schema.users.displayName,
      note: schema.assessmentSnapshots.note,
    })
    .from(schema.assessmentSnapshots)
    .innerJoin(schema.users, eq(schema.users.id, schema.assessmentSnapshots.computedBy))
    .where(
      and(
        eq(schema.assessmentSnapshots.periodFrom, period.from),
        eq(schema.assessmentSnapshots.periodTo, period.to),
      ),
    )
    .orderBy(desc(schema.assessmentSnapshots.id));
  return rows.map((r) => ({ ...r, computedAt: r.computedAt.toISOString() }));
}

export interface SnapshotChange {
  userId: number;
  name: string;
  totalBefore: number | null;
  totalAfter: number | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
  indicators: {
    key: string;
    name: string;
    valueBefore: number | null;
    valueAfter: number | null;
    scoreBefore: number | null;
    scoreAfter: number | null;
    added: { label: string; url: string }[];
    removed: { label: string; url: string }[];
    /** 「新增记录 1 件：…；分数随本部门最优值变化」 */
    why: string;
  }[];
}

/** A snapshot against the one before it for the same period. */
export async function snapshotDiff(database: Database, options: { user: SessionUser; id: number }) {
  const s = schema.assessmentSnapshots;
  const [current] = await database.db.select().from(s).where(eq(s.id, options.id));
  if (!current) throw new DomainError('NOT_FOUND', '考评结果快照不存在');
  const [previous] = await database.db
    .select()
    .from(s)
    .where(and(eq(s.periodFrom, current.periodFrom), eq(s.periodTo, current.periodTo), lt(s.id, current.id)))
    .orderBy(desc(s.id))
    .limit(1);
  const juvenileOk = seesJuvenileRecords(options.user);
  const after = (current.content as unknown as SnapshotContent).people;
  const before = new Map(
    ((previous?.content as unknown as SnapshotContent | undefined)?.people ?? []).map((p) => [p.userId, p]),
  );
  const show = (r: SnapshotRecord) =>
    juvenileOk || !r.juvenile
      ? { label: r.label, url: r.url }
      : { label: '未检记录（仅未检部门可查看）', url: '' };
  const changes: SnapshotChange[] = [];
  const ids = new Set([...after.map((p) => p.userId), ...before.keys()]);
  for (const userId of ids) {
    const a = after.find((p) => p.userId === userId);
    const b = before.get(userId);
    const keys = new Set([...Object.keys(a?.indicators ?? {}), ...Object.keys(b?.indicators ?? {})]);
    const indicators: SnapshotChange['indicators'] = [];
    for (const key of keys) {
      const ia = a?.indicators[key];
      const ib = b?.indicators[key];
      const beforeKeys = new Set((ib?.records ?? []).map((r) => r.key));
      const afterKeys = new Set((ia?.records ?? []).map((r) => r.key));
      const added = (ia?.records ?? []).filter((r) => !beforeKeys.has(r.key)).map(show);
      const removed = (ib?.records ?? []).filter((r) => !afterKeys.has(r.key)).map(show);
      const valueChanged = (ia?.value ?? null) !== (ib?.value ?? null);
      const scoreChanged = (ia?.score ?? null) !== (ib?.score ?? null);
      if (!valueChanged && !scoreChanged && added.length === 0 && removed.length === 0) continue;
      const reasons: string[] = [];
      if (added.length) reasons.push(`新增记录 ${added.length} 件：${added.map((r) => r.label).join('、')}`);
      if (removed.length)
        reasons.push(`不再计入 ${removed.length} 件：${removed.map((r) => r.label).join('、')}`);
      if (!valueChanged && scoreChanged) reasons.push('本人值未变，得分随本部门最优值（标杆）变化');
      if (valueChanged && !added.length && !removed.length)
        reasons.push('记录内容变化（如难度系数、金额、日期）');
      indicators.push({
        key,
        name: ia?.name ?? ib?.name ?? key,
        valueBefore: ib?.value ?? null,
        valueAfter: ia?.value ?? null,
        scoreBefore: ib?.score ?? null,
        scoreAfter: ia?.score ?? null,
        added,
        removed,
        why: reasons.join('；'),
      });
    }
    if (indicators.length === 0 && a?.total === b?.total) continue;
    changes.push({
      userId,
      name: a?.name ?? b?.name ?? '',
      totalBefore: b?.total ?? null,
      totalAfter: a?.total ?? null,
      gradeBefore: b ? gradeLabels[b.grade as 'excellent'] : null,
      gradeAfter: a ? gradeLabels[a.grade as 'excellent'] : null,
      indicators,
    });
  }
  return {
    snapshot: { id: current.id, computedAt: current.computedAt.toISOString() },
    previous: previous ? { id: previous.id, computedAt: previous.computedAt.toISOString() } : null,
    changes,
  };
}
