import { type Db, schema } from '@procura/db';
import { overlap } from '@procura/domain/assessment/dates';
import { computedIndicators, type TComputedKey } from '@procura/domain/assessment/indicators';
import { assessedRoles } from '@procura/domain/assessment/reach';
import {
  type AssessmentScheme,
  combineSegments,
  exampleScheme,
  type MemberScore,
  scoreDepartment,
} from '@procura/domain/assessment/scoring';
import { and, eq, inArray } from 'drizzle-orm';
import { type ComputedValue, computeValues, type PersonValues } from './compute.ts';

/**
 * One period's assessment of the prosecutors of some departments: memberships → values computed
 * from the records over each membership → scores against each department → totals weighted by
 * days. The three functions marked "source" are where stored data from the assessment-schemes
 * slice plugs in (schemes, department membership history, approved entered indicators).
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

/** Source: the scheme in force for the period (the example scheme until stored schemes exist). */
export async function schemeForPeriod(_db: Db, _period: Period): Promise<AssessmentScheme> {
  return exampleScheme;
}

/**
 * Source: each person's departments during the period. Without a membership history, the
 * department the account is in now, for the whole period.
 */
export async function loadMemberships(
  db: Db,
  period: Period,
  departmentIds: readonly number[] | 'all',
): Promise<Map<number, Membership[]>> {
  const rows = await db
    .select({ id: schema.users.id, departmentId: schema.users.departmentId })
    .from(schema.users)
    .where(
      and(
        inArray(schema.users.role, [...assessedRoles]),
        eq(schema.users.disabled, false),
        departmentIds === 'all' ? undefined : inArray(schema.users.departmentId, [...departmentIds, -1]),
      ),
    );
  const result = new Map<number, Membership[]>();
  for (const row of rows) {
    if (row.departmentId === null) continue;
    result.set(row.id, [{ departmentId: row.departmentId, from: period.from, to: period.to }]);
  }
  return result;
}

/** Source: approved values of entered indicators (外部评价, 理论调研…) by person and key. */
export async function enteredValues(
  _db: Db,
  _period: Period,
  _userIds: readonly number[],
): Promise<Map<number, Record<string, number | null>>> {
  return new Map();
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
}

export interface PeriodAssessment {
  readonly period: Period;
  readonly scheme: AssessmentScheme;
  readonly people: readonly PersonResult[];
}

export async function assessPeriod(
  db: Db,
  options: {
    period: Period;
    asOf: string;
    departmentIds: readonly number[] | 'all';
    /** Memberships to use instead of loadMemberships (a stored history; tests). */
    memberships?: ReadonlyMap<number, readonly Membership[]>;
  },
): Promise<PeriodAssessment> {
  const { period } = options;
  const scheme = await schemeForPeriod(db, period);
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
    enteredValues(db, period, userIds),
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
        const byKey: Record<string, number | null> = {};
        for (const indicator of scheme.indicators) {
          if (indicator.computedKey) byKey[indicator.key] = computed[indicator.computedKey].value;
          else {
            const v = entered.get(s.userId)?.[indicator.key];
            if (v !== undefined) byKey[indicator.key] = v;
          }
        }
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
    return { userId, name: names.get(userId) ?? '', total, byDimension, segments: own, primary };
  });
  result.sort((a, b) => b.total - a.total || a.userId - b.userId);
  return { period, scheme, people: result };
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
