import { type Db, schema } from '@procura/db';
import { daysBetween, overlap } from '@procura/domain/assessment/dates';
import { computedIndicators, isComputedKey, type TComputedKey } from '@procura/domain/assessment/indicators';
import { assessedRoles } from '@procura/domain/assessment/reach';
import { cappedTotals } from '@procura/domain/assessment/schemes';
import {
  type AssessmentScheme,
  combineSegments,
  exampleScheme,
  indicatorMeasure,
  type MemberScore,
  type SchemeIndicator,
  scoreDepartment,
} from '@procura/domain/assessment/scoring';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { type ComputedValue, computeValues, type PersonValues } from './compute.ts';

/**
 * One period's assessment of the prosecutors of some departments: memberships → values computed
 * from the records over each membership → scores against each department → totals weighted by
 * days. The three functions marked "source" read the stored data of the assessment module: the
 * scheme of the 考核周期 covering the period, department_memberships, approved entries.
 */

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface Membership {
  readonly departmentId: number;
  readonly from: string;
  readonly to: string;
}

/** Which stored period supplied the scheme, or why none did. */
export interface SchemeSource {
  /** The assessment period (考核周期) whose scheme is used; null: the 示例 scheme, no period covers. */
  readonly periodId: number | null;
  readonly periodName: string | null;
  readonly closed: boolean;
  /** Shown to the reader when the 示例 scheme stands in. */
  readonly note: string | null;
}

export interface SchemeInForce {
  readonly scheme: AssessmentScheme;
  readonly source: SchemeSource;
}

export const dayAfter = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const exampleNote = '尚无覆盖该期间的考核周期，按示例方案计算';

/**
 * Source: the scheme of the stored assessment period (考核周期) covering the period: among the
 * periods that overlap it, one covering it whole first, then the narrowest, then the latest. Its
 * indicators are keyed by 编号; entered indicators in % or 分 are levels (the mean of the approved
 * values), others add up; 难度系数 are the period's own (a case type without one counts 1.0).
 * With no period at all, the 示例 scheme, and the source says so.
 */
export async function schemeForPeriod(db: Db, period: Period): Promise<SchemeInForce> {
  const { assessmentPeriods: periods } = schema;
  const candidates = await db
    .select()
    .from(periods)
    .where(and(lte(periods.startsOn, dayBefore(period.to)), gte(periods.endsOn, period.from)));
  const span = (p: (typeof candidates)[number]) => daysBetween(p.startsOn, dayAfter(p.endsOn));
  const covers = (p: (typeof candidates)[number]) =>
    p.startsOn <= period.from && dayAfter(p.endsOn) >= period.to;
  const [chosen] = candidates.sort(
    (a, b) => Number(covers(b)) - Number(covers(a)) || span(a) - span(b) || b.id - a.id,
  );
  if (!chosen) {
    return {
      scheme: { ...exampleScheme, name: `${exampleScheme.name}（${exampleNote}）` },
      source: { periodId: null, periodName: null, closed: false, note: exampleNote },
    };
  }
  const { assessmentIndicators: indicators, assessmentGradeBands: bands } = schema;
  const { assessmentDifficulty: difficulty } = schema;
  const [indicatorRows, bandRows, difficultyRows] = await Promise.all([
    db
      .select()
      .from(indicators)
      .where(eq(indicators.periodId, chosen.id))
      .orderBy(asc(indicators.sortOrder), asc(indicators.id)),
    db.select().from(bands).where(eq(bands.periodId, chosen.id)),
    db.select().from(difficulty).where(eq(difficulty.periodId, chosen.id)),
  ]);
  const scheme: AssessmentScheme = {
    name: `${chosen.name}考核方案（第 ${chosen.revision} 版）${chosen.isExample ? '（示例）' : ''}`,
    difficulty: Object.fromEntries(difficultyRows.map((d) => [d.caseType, d.coefficient])),
    indicators: indicatorRows.flatMap((row): SchemeIndicator[] => {
      const base = {
        key: row.code,
        name: row.name,
        dimension: row.dimension,
        weight: row.weight,
        direction: row.direction,
      };
      if (row.source === 'computed') {
        // The CHECK holds computed_key to the catalogue; a row outside it is not scored.
        if (!isComputedKey(row.computedKey)) return [];
        return [{ ...base, source: 'computed', computedKey: row.computedKey }];
      }
      return [{ ...base, source: 'entered', measure: levelUnits.has(row.unit) ? 'rate' : 'count' }];
    }),
    bands: [...bandRows]
      .sort((a, b) => b.minScore - a.minScore)
      .map((b) => ({
        grade: b.grade,
        minScore: b.minScore,
        ...(b.quotaPercent === null ? {} : { maxShare: b.quotaPercent / 100 }),
      })),
  };
  return {
    scheme,
    source: { periodId: chosen.id, periodName: chosen.name, closed: chosen.status === 'closed', note: null },
  };
}

/** Units of an entered indicator that is a level (a rating), not a count that adds up. */
const levelUnits = new Set(['%', '分']);

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Source: each assessed person's departments during the period, from department_memberships
 * ([from_date, to_date), to_date null: still there), cut to the period. Only departments in
 * `departmentIds` (all when 'all'); a person moved out of them keeps the segments inside.
 */
export async function loadMemberships(
  db: Db,
  period: Period,
  departmentIds: readonly number[] | 'all',
): Promise<Map<number, Membership[]>> {
  const { departmentMemberships: m, users } = schema;
  const rows = await db
    .select({ userId: m.userId, departmentId: m.departmentId, from: m.fromDate, to: m.toDate })
    .from(m)
    .innerJoin(users, eq(users.id, m.userId))
    .where(
      and(
        inArray(users.role, [...assessedRoles]),
        eq(users.disabled, false),
        lt(m.fromDate, period.to),
        or(isNull(m.toDate), gt(m.toDate, period.from)),
        departmentIds === 'all' ? undefined : inArray(m.departmentId, [...departmentIds, -1]),
      ),
    )
    .orderBy(asc(m.userId), asc(m.fromDate), asc(m.id));
  const result = new Map<number, Membership[]>();
  for (const row of rows) {
    const part = overlap({ from: row.from, to: row.to ?? period.to }, period);
    if (!part) continue;
    const list = result.get(row.userId) ?? [];
    list.push({ departmentId: row.departmentId, ...part });
    result.set(row.userId, list);
  }
  return result;
}

/** An approved value of an entered indicator, by the indicator's 编号. */
export interface EnteredValue {
  readonly userId: number;
  readonly key: string;
  readonly value: number;
  readonly occurredOn: string;
}

/**
 * Source: the approved entries of the scheme's period (考核周期) for the people: the values of
 * entered indicators (外部评价, 理论调研…) and each person's 党员积分 (party points, bonus and
 * negative lists) held to each rule's cap. Revoked, rejected and pending entries do not count.
 */
export async function enteredValues(
  db: Db,
  source: SchemeSource,
  period: Period,
  userIds: readonly number[],
): Promise<{ values: EnteredValue[]; points: Map<number, number> }> {
  const points = new Map<number, number>();
  if (source.periodId === null || userIds.length === 0) return { values: [], points };
  const {
    assessmentEntries: entries,
    assessmentIndicators: indicators,
    assessmentPointRules: rules,
  } = schema;
  const rows = await db
    .select({
      userId: entries.userId,
      kind: entries.kind,
      value: entries.value,
      points: entries.points,
      occurredOn: entries.occurredOn,
      indicatorCode: indicators.code,
      ruleCode: rules.code,
    })
    .from(entries)
    .leftJoin(indicators, eq(indicators.id, entries.indicatorId))
    .leftJoin(rules, eq(rules.id, entries.ruleId))
    .where(
      and(
        eq(entries.periodId, source.periodId),
        eq(entries.status, 'approved'),
        inArray(entries.userId, [...userIds]),
        gte(entries.occurredOn, period.from),
        lt(entries.occurredOn, period.to),
      ),
    );
  const values: EnteredValue[] = [];
  for (const row of rows)
    if (row.kind === 'indicator' && row.indicatorCode !== null && row.value !== null)
      values.push({
        userId: row.userId,
        key: row.indicatorCode,
        value: row.value,
        occurredOn: row.occurredOn,
      });
  const ruleRows = await db
    .select({ code: rules.code, capPerPeriod: rules.capPerPeriod })
    .from(rules)
    .where(eq(rules.periodId, source.periodId));
  const counted = rows.flatMap((row) =>
    row.kind !== 'indicator' && row.points !== null
      ? [{ userId: row.userId, ruleCode: row.ruleCode, points: row.points }]
      : [],
  );
  for (const [userId, totals] of cappedTotals(counted, ruleRows)) points.set(userId, totals.total);
  return { values, points };
}

/** One membership's entered values by indicator key: levels averaged, counts added. */
function enteredFor(
  scheme: AssessmentScheme,
  values: readonly EnteredValue[],
  segment: { userId: number; from: string; to: string },
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const indicator of scheme.indicators) {
    if (indicator.source !== 'entered') continue;
    const own = values.filter(
      (v) =>
        v.userId === segment.userId &&
        v.key === indicator.key &&
        v.occurredOn >= segment.from &&
        v.occurredOn < segment.to,
    );
    if (own.length === 0) continue;
    const sum = own.reduce((s, v) => s + v.value, 0);
    result[indicator.key] = indicatorMeasure(indicator) === 'rate' ? sum / own.length : sum;
  }
  return result;
}

export interface SegmentResult extends MemberScore {
  readonly departmentName: string;
  /** How many were scored in the department. */
  readonly of: number;
  /** The computed values of this membership, by computed key. */
  readonly computed: Readonly<Record<TComputedKey, ComputedValue>>;
}

export interface PersonResult {
  readonly userId: number;
  readonly name: string;
  readonly total: number;
  readonly byDimension: Readonly<Record<'quality' | 'efficiency' | 'effect', number>>;
  readonly segments: readonly SegmentResult[];
  /** The department the person spent most days in (ties: the latest). */
  readonly primary: SegmentResult;
  /** 党员积分 of the period (approved party points, bonus and negative entries, capped per rule). */
  readonly points: number;
}

export interface PeriodAssessment {
  readonly period: Period;
  readonly scheme: AssessmentScheme;
  /** The stored period whose scheme is used, or the note that the 示例 scheme stands in. */
  readonly schemeSource: SchemeSource;
  readonly people: readonly PersonResult[];
}

/** A closed period's assessment as stored when it was closed (snapshots.ts freezePeriod). */
export interface FrozenAssessment {
  readonly assessment: PeriodAssessment;
  /** Each quarter's totals by user id, for the profile's trend. */
  readonly quarters: readonly { label: string; from: string; to: string; totals: Record<string, number> }[];
}

/** The frozen assessment of exactly this period, if a closed 考核周期 stored one (the latest). */
export async function frozenAssessment(db: Db, period: Period): Promise<FrozenAssessment | null> {
  const s = schema.assessmentSnapshots;
  const rows = await db
    .select({ content: s.content })
    .from(s)
    .where(and(eq(s.periodFrom, period.from), eq(s.periodTo, period.to)))
    .orderBy(desc(s.id));
  for (const row of rows) {
    const frozen = (row.content as { frozen?: FrozenAssessment }).frozen;
    if (frozen) return frozen;
  }
  return null;
}

/** The frozen result cut to some departments, totals recombined over the segments kept. */
function frozenFor(frozen: PeriodAssessment, departmentIds: readonly number[] | 'all'): PeriodAssessment {
  if (departmentIds === 'all') return frozen;
  const people = frozen.people.flatMap((person): PersonResult[] => {
    const segments = person.segments.filter((s) => departmentIds.includes(s.departmentId));
    const [first] = segments;
    if (!first) return [];
    if (segments.length === person.segments.length) return [person];
    const primary = segments.reduce((best, s) => (s.days >= best.days ? s : best), first);
    return [{ ...person, ...combineSegments(segments), segments, primary }];
  });
  return { ...frozen, people: people.sort((a, b) => b.total - a.total || a.userId - b.userId) };
}

export async function assessPeriod(
  db: Db,
  options: {
    period: Period;
    asOf: string;
    departmentIds: readonly number[] | 'all';
    /** Memberships to use instead of loadMemberships (a stored history; tests). */
    memberships?: ReadonlyMap<number, readonly Membership[]>;
    /** Compute from the records even when the period is frozen (the freezing itself). */
    live?: boolean;
  },
): Promise<PeriodAssessment> {
  const { period } = options;
  if (!options.live && !options.memberships) {
    const frozen = await frozenAssessment(db, period);
    if (frozen) return frozenFor(frozen.assessment, options.departmentIds);
  }
  const { scheme, source: schemeSource } = await schemeForPeriod(db, period);
  const memberships = options.memberships ?? (await loadMemberships(db, period, options.departmentIds));
  // Every membership overlapping the period, cut to it; each department's population is whole.
  const segments: { userId: number; departmentId: number; from: string; to: string }[] = [];
  for (const [userId, list] of memberships) {
    for (const m of list) {
      const part = overlap(m, period);
      if (part) segments.push({ userId, departmentId: m.departmentId, ...part });
    }
  }
  const userIds = [...new Set(segments.map((s) => s.userId))];
  const departmentIds = [...new Set(segments.map((s) => s.departmentId))];
  const [people, departments, entered] = await Promise.all([
    userIds.length
      ? db
          .select({ id: schema.users.id, name: schema.users.displayName })
          .from(schema.users)
          .where(inArray(schema.users.id, userIds))
      : [],
    departmentIds.length
      ? db
          .select({ id: schema.departments.id, name: schema.departments.name })
          .from(schema.departments)
          .where(inArray(schema.departments.id, departmentIds))
      : [],
    enteredValues(db, schemeSource, period, userIds),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));

  // Values per distinct range (usually one: the whole period).
  const values = new Map<string, PersonValues>();
  const ranges = new Map<string, { from: string; to: string; userIds: number[] }>();
  for (const s of segments) {
    const key = `${s.from}/${s.to}`;
    const range = ranges.get(key) ?? { from: s.from, to: s.to, userIds: [] };
    range.userIds.push(s.userId);
    ranges.set(key, range);
  }
  for (const [key, range] of ranges) {
    const computed = await computeValues(db, {
      userIds: range.userIds,
      from: range.from,
      to: range.to,
      asOf: options.asOf,
      difficulty: scheme.difficulty,
    });
    for (const [userId, v] of computed) values.set(`${userId}@${key}`, v);
  }
  const valuesOf = (s: (typeof segments)[number]) =>
    values.get(`${s.userId}@${s.from}/${s.to}`) as PersonValues;

  const targets = await loadTargets(db, period, departmentIds);
  const scored: SegmentResult[] = [];
  for (const departmentId of departmentIds) {
    const members = segments.filter((s) => s.departmentId === departmentId);
    const results = scoreDepartment({
      scheme,
      period,
      departmentId,
      targets: targets.get(departmentId) ?? {},
      members: members.map((s) => {
        const computed = valuesOf(s);
        const byKey: Record<string, number | null> = enteredFor(scheme, entered.values, s);
        for (const indicator of scheme.indicators)
          if (indicator.computedKey) byKey[indicator.key] = computed[indicator.computedKey].value;
        return { userId: s.userId, from: s.from, to: s.to, values: byKey };
      }),
    });
    results.forEach((r, i) => {
      const segment = members[i];
      if (!segment) return;
      scored.push({
        ...r,
        departmentName: departmentNames.get(departmentId) ?? '',
        of: results.length,
        computed: valuesOf(segment),
      });
    });
  }

  const result: PersonResult[] = userIds.map((userId) => {
    const own = scored.filter((s) => s.userId === userId).sort((a, b) => a.from.localeCompare(b.from));
    const primary = own.reduce((best, s) => (s.days >= best.days ? s : best), own[0] as SegmentResult);
    const { total, byDimension } = combineSegments(own);
    const points = entered.points.get(userId) ?? 0;
    return { userId, name: names.get(userId) ?? '', total, byDimension, segments: own, primary, points };
  });
  result.sort((a, b) => b.total - a.total || a.userId - b.userId);
  return { period, scheme, schemeSource, people: result };
}

async function loadTargets(
  db: Db,
  period: Period,
  departmentIds: readonly number[],
): Promise<Map<number, Record<string, number>>> {
  const result = new Map<number, Record<string, number>>();
  if (departmentIds.length === 0) return result;
  const rows = await db
    .select()
    .from(schema.assessmentTargets)
    .where(
      and(
        inArray(schema.assessmentTargets.departmentId, [...departmentIds]),
        eq(schema.assessmentTargets.periodFrom, period.from),
        eq(schema.assessmentTargets.periodTo, period.to),
      ),
    );
  for (const row of rows) {
    const targets = result.get(row.departmentId) ?? {};
    targets[row.indicatorKey] = row.target;
    result.set(row.departmentId, targets);
  }
  return result;
}

/** The scheme indicator's catalogue entry, for computed ones. */
export function catalogueOf(computedKey: TComputedKey | undefined) {
  return computedKey ? computedIndicators[computedKey] : undefined;
}
