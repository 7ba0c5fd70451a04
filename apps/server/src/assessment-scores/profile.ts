import { type Database, type Db, schema } from '@procura/db';
import { quartersOf } from '@procura/domain/assessment/dates';
import { assessmentReach, mayViewAssessment } from '@procura/domain/assessment/reach';
import { eq } from 'drizzle-orm';
import { pointEntriesOf } from '../assessment/entries.ts';
import { auditRead } from '../audit/audit-read.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import {
  assessPeriod,
  frozenAssessment,
  loadMemberships,
  type Period,
  type PeriodAssessment,
  type PersonResult,
} from './assess.ts';
import { presentSegment, type SegmentView } from './present.ts';

/** The calendar year as a period [YYYY-01-01, YYYY+1-01-01). */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

const viewerOf = (user: SessionUser) => ({
  id: user.id,
  role: user.role,
  departmentId: user.department?.id ?? null,
});

const notFound = () => new DomainError('NOT_FOUND', '该人员不存在或不在您可查看的范围内');

/** The departments a person belonged to in the period (none: not assessed, answered as missing). */
async function departmentsOf(db: Db, period: Period, userId: number): Promise<number[]> {
  const memberships = await loadMemberships(db, period, 'all');
  return [...new Set((memberships.get(userId) ?? []).map((m) => m.departmentId))];
}

export interface ProfileView {
  person: { id: number; name: string };
  period: Period;
  schemeName: string;
  total: number;
  dimensions: { dimension: string; label: string; score: number; percent: number }[];
  segments: SegmentView[];
  trend: { label: string; from: string; to: string; total: number | null }[];
  partyPoints: {
    total: number;
    entries: {
      id: number;
      kind: string;
      title: string;
      ruleLabel: string | null;
      points: number;
      occurredOn: string;
      record: { label: string; link: string | null } | null;
    }[];
  };
}

export async function loadProfile(
  database: Database,
  options: { user: SessionUser; ip: string | null; userId: number; year: number },
): Promise<ProfileView> {
  const { db } = database;
  const period = yearPeriod(options.year);
  const departmentIds = await departmentsOf(db, period, options.userId);
  if (departmentIds.length === 0) throw notFound();
  if (!mayViewAssessment(viewerOf(options.user), { id: options.userId, departmentIds })) throw notFound();

  const asOf = today();
  const assessment = await assessPeriod(db, { period, asOf, departmentIds });
  const frozen = await frozenAssessment(db, period);
  const person = assessment.people.find((p) => p.userId === options.userId);
  if (!person) throw notFound();
  const segments = person.segments.map((s) => presentSegment(s, assessment.scheme, options.user));

  const trend: ProfileView['trend'] = [];
  for (const quarter of frozen ? [] : quartersOf(period)) {
    if (quarter.from > asOf) {
      trend.push({ ...quarter, total: null });
      continue;
    }
    const q = await assessPeriod(db, { period: quarter, asOf, departmentIds });
    const p = q.people.find((x) => x.userId === options.userId);
    trend.push({ ...quarter, total: p ? Math.round(p.total * 100) / 100 : null });
  }
  // A closed period: the quarters as they stood when it was frozen.
  for (const q of frozen?.quarters ?? [])
    trend.push({ label: q.label, from: q.from, to: q.to, total: q.totals[String(options.userId)] ?? null });

  if (options.userId !== options.user.id) {
    await auditRead(database, {
      user: options.user,
      ip: options.ip,
      action: 'assessment.profile.read',
      targetType: 'user',
      targetId: options.userId,
      detail: { period },
    });
  }
  const primary = segments.find((s) => s.departmentId === person.primary.departmentId) ?? segments[0];
  const pointEntries =
    assessment.schemeSource.periodId === null
      ? []
      : await pointEntriesOf(db, {
          periodId: assessment.schemeSource.periodId,
          userId: options.userId,
          from: period.from,
          to: period.to,
        });
  return {
    person: { id: person.userId, name: person.name },
    period,
    schemeName: assessment.scheme.name,
    total: Math.round(person.total * 100) / 100,
    dimensions: segments.length === 1 && primary ? primary.dimensions : dimensionsOf(person, segments),
    segments,
    trend,
    partyPoints: {
      total: person.points ?? 0,
      entries: pointEntries.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        ruleLabel: e.ruleLabel,
        points: e.points ?? 0,
        occurredOn: e.occurredOn,
        record: e.record ? { label: e.record.label, link: e.record.link } : null,
      })),
    },
  };
}

function dimensionsOf(person: PersonResult, segments: SegmentView[]): ProfileView['dimensions'] {
  const days = segments.reduce((s, x) => s + x.days, 0) || 1;
  const first = segments[0];
  if (!first) return [];
  return first.dimensions.map((d) => ({
    ...d,
    score: Math.round(person.byDimension[d.dimension as 'quality'] * 100) / 100,
    percent:
      Math.round(
        (segments.reduce(
          (sum, s) => sum + (s.dimensions.find((x) => x.dimension === d.dimension)?.percent ?? 0) * s.days,
          0,
        ) /
          days) *
          100,
      ) / 100,
  }));
}

/** The assessment of everyone the user reaches (the chief: all; a head: the department). */
export async function assessReach(db: Db, user: SessionUser, year: number): Promise<PeriodAssessment> {
  const reach = assessmentReach(viewerOf(user));
  const period = yearPeriod(year);
  if (reach.kind === 'self') throw new DomainError('FORBIDDEN', '无权查看考评结果');
  return assessPeriod(db, {
    period,
    asOf: today(),
    departmentIds: reach.kind === 'all' ? 'all' : [reach.departmentId],
  });
}

/** People the user may open a profile of, for the page's selector. */
export async function profilePeople(
  db: Db,
  user: SessionUser,
  year: number,
): Promise<{ id: number; name: string; departmentName: string }[]> {
  const period = yearPeriod(year);
  const reach = assessmentReach(viewerOf(user));
  const memberships = await loadMemberships(
    db,
    period,
    reach.kind === 'department' ? [reach.departmentId] : 'all',
  );
  const ids = reach.kind === 'self' ? [user.id].filter((id) => memberships.has(id)) : [...memberships.keys()];
  const rows = await db
    .select({ id: schema.users.id, name: schema.users.displayName, departmentName: schema.departments.name })
    .from(schema.users)
    .innerJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId));
  return rows
    .filter((r) => ids.includes(r.id))
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName) || a.id - b.id);
}
