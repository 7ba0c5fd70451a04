import { type Database, type Executor, isUniqueViolation, schema } from '@procura/db';
import { isComputedKey, type TComputedKey } from '@procura/domain/assessment/indicators';
import {
  copyScheme,
  type Difficulty,
  exampleScheme,
  frozenReason,
  type Scheme,
  schemeProblems,
} from '@procura/domain/assessment/schemes';
import { caseTypeIds } from '@procura/domain/states';
import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { dayAfter } from '../assessment-scores/assess.ts';
import { freezePeriod } from '../assessment-scores/snapshots.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import type { TCreatePeriodBody, TPeriod, TPeriodSummary, TSchemeBody } from './schema.ts';

const { assessmentPeriods: periods, assessmentPointRules: rules, assessmentIndicators: indicators } = schema;
const { assessmentGradeBands: bands, assessmentEntries: entries, assessmentDifficulty: difficulty } = schema;

type Caller = { user: SessionUser; ip: string | null };

const presentSummary = (p: typeof periods.$inferSelect): TPeriodSummary => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  status: p.status,
  isExample: p.isExample,
  revision: p.revision,
  copiedFromId: p.copiedFromId,
});

export async function listPeriods(db: Executor): Promise<TPeriodSummary[]> {
  const rows = await db.select().from(periods).orderBy(desc(periods.startsOn), desc(periods.id));
  return rows.map(presentSummary);
}

/** The scheme of a period as the domain sees it (rules and indicators in their order). */
export async function loadScheme(db: Executor, periodId: number) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) return null;
  const ruleRows = await db
    .select()
    .from(rules)
    .where(eq(rules.periodId, periodId))
    .orderBy(asc(rules.sortOrder), asc(rules.id));
  const indicatorRows = await db
    .select()
    .from(indicators)
    .where(eq(indicators.periodId, periodId))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  const bandRows = await db.select().from(bands).where(eq(bands.periodId, periodId));
  const difficultyRows = await db
    .select()
    .from(difficulty)
    .where(eq(difficulty.periodId, periodId))
    .orderBy(asc(difficulty.id));
  const order = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];
  return {
    period,
    scheme: {
      appealDays: period.appealDays,
      pointRules: ruleRows.map(({ periodId: _p, sortOrder: _s, ...r }) => r),
      indicators: indicatorRows.map(({ periodId: _p, sortOrder: _s, ...i }) => i),
      gradeBands: bandRows
        .sort((a, b) => order.indexOf(a.grade) - order.indexOf(b.grade))
        .map(({ grade, minScore, quotaPercent }) => ({ grade, minScore, quotaPercent })),
      difficulty: difficultyRows.map(({ caseType, coefficient }) => ({ caseType, coefficient })),
    },
  };
}

export async function getPeriod(db: Executor, id: number): Promise<TPeriod> {
  const loaded = await loadScheme(db, id);
  if (!loaded) throw notFound('考核周期');
  return { ...presentSummary(loaded.period), scheme: loaded.scheme };
}

function refuseProblems(scheme: Scheme): void {
  const problems = schemeProblems(scheme);
  if (problems.length > 0)
    throw new DomainError('VALIDATION', `考核方案未保存：${problems.join('；')}`, { problems });
}

/**
 * A new period, its scheme copied from another period ("动态调整考核指标": the last one as it
 * stands) or, with no period to copy, from the shipped 示例 scheme.
 */
export async function createPeriod(
  database: Database,
  input: TCreatePeriodBody,
  caller: Caller,
): Promise<TPeriod> {
  const id = await database.db
    .transaction(async (tx) => {
      let source: Scheme = exampleScheme;
      if (input.copyFromId !== null) {
        const loaded = await loadScheme(tx, input.copyFromId);
        if (!loaded) throw notFound('要复制的考核周期');
        source = loaded.scheme;
      }
      const scheme = copyScheme(source);
      const [created] = await tx
        .insert(periods)
        .values({
          name: input.name,
          kind: input.kind,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          isExample: input.copyFromId === null,
          appealDays: scheme.appealDays,
          copiedFromId: input.copyFromId,
          createdBy: caller.user.id,
        })
        .returning({ id: periods.id });
      await writeScheme(tx, created!.id, scheme);
      await recordAudit(tx, {
        actor: actorOf(caller.user),
        action: 'assessment.period.create',
        targetType: 'assessmentPeriod',
        targetId: created!.id,
        ip: caller.ip,
        detail: { name: input.name, copyFromId: input.copyFromId },
      });
      return created!.id;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new DomainError('CONFLICT', `考核周期「${input.name}」已存在`) : error;
    });
  return getPeriod(database.db, id);
}

/**
 * A computed key as the column holds it: the catalogue's keys only (schemeProblems has refused a
 * scheme naming another, and the column's CHECK would too).
 */
function storedKey(key: string | null): TComputedKey | null {
  if (key === null) return null;
  if (!isComputedKey(key)) throw new DomainError('VALIDATION', `计算口径「${key}」不在平台计算指标目录中`);
  return key;
}

/** Inserts a fresh period's scheme rows. */
export async function writeScheme(tx: Executor, periodId: number, scheme: Scheme): Promise<void> {
  if (scheme.pointRules.length > 0)
    await tx.insert(rules).values(
      scheme.pointRules.map(
        ({ code, category, title, points, evidenceRequired, capPerPeriod, proposer, trigger }, i) => ({
          periodId,
          code,
          category,
          title,
          points,
          evidenceRequired,
          capPerPeriod,
          proposer,
          trigger,
          sortOrder: i + 1,
        }),
      ),
    );
  if (scheme.indicators.length > 0)
    await tx.insert(indicators).values(
      scheme.indicators.map(({ code, name, dimension, unit, weight, direction, source, computedKey }, i) => ({
        periodId,
        code,
        name,
        dimension,
        unit,
        weight,
        direction,
        source,
        computedKey: storedKey(computedKey),
        sortOrder: i + 1,
      })),
    );
  if (scheme.gradeBands.length > 0)
    await tx.insert(bands).values(scheme.gradeBands.map((b) => ({ periodId, ...b })));
  await writeDifficulty(tx, periodId, scheme.difficulty ?? []);
}

const isCaseType = (type: string): type is (typeof caseTypeIds)[number] =>
  (caseTypeIds as readonly string[]).includes(type);

/** Inserts a period's 难度系数 rows (the caller removed the old ones). */
async function writeDifficulty(tx: Executor, periodId: number, rows: readonly Difficulty[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(difficulty).values(
    rows.map((d) => {
      if (!isCaseType(d.caseType))
        throw new DomainError('VALIDATION', `案件类型「${d.caseType}」不在平台的案件类型中`);
      return { periodId, caseType: d.caseType, coefficient: d.coefficient };
    }),
  );
}

/** Locks a period for a change and refuses when it is missing or closed (frozen). */
export async function lockOpenPeriod(tx: Executor, periodId: number) {
  const [period] = await tx.select().from(periods).where(eq(periods.id, periodId)).for('update');
  if (!period) throw notFound('考核周期');
  const frozen = frozenReason(period);
  if (frozen) throw new DomainError('CONFLICT', frozen);
  return period;
}

/**
 * Saves a period's scheme as a whole: rules and indicators matched by their code (kept rows keep
 * their ids, so entries under them stay linked), new ones added, removed ones deleted unless an
 * entry cites them. Refused on a closed period, and on any problem of the domain's validation.
 */
export async function saveScheme(
  database: Database,
  periodId: number,
  scheme: TSchemeBody,
  caller: Caller,
): Promise<TPeriod> {
  await database.db.transaction(async (tx) => {
    const period = await lockOpenPeriod(tx, periodId);
    refuseProblems(scheme);
    const loaded = (await loadScheme(tx, periodId))!;
    const keptRuleCodes = scheme.pointRules.map((r) => r.code);
    const keptIndicatorCodes = scheme.indicators.map((i) => i.code);
    const removedRules = loaded.scheme.pointRules.filter((r) => !keptRuleCodes.includes(r.code));
    const removedIndicators = loaded.scheme.indicators.filter((i) => !keptIndicatorCodes.includes(i.code));
    if (removedRules.length > 0) {
      const cited = await tx
        .selectDistinct({ ruleId: entries.ruleId })
        .from(entries)
        .where(
          inArray(
            entries.ruleId,
            removedRules.map((r) => r.id),
          ),
        );
      const names = removedRules
        .filter((r) => cited.some((c) => c.ruleId === r.id))
        .map((r) => `${r.code}「${r.title}」`);
      if (names.length > 0)
        throw new DomainError('CONFLICT', `积分条款 ${names.join('、')} 已有考核条目引用，不能删除`);
    }
    if (removedIndicators.length > 0) {
      const cited = await tx
        .selectDistinct({ indicatorId: entries.indicatorId })
        .from(entries)
        .where(
          inArray(
            entries.indicatorId,
            removedIndicators.map((i) => i.id),
          ),
        );
      const names = removedIndicators
        .filter((i) => cited.some((c) => c.indicatorId === i.id))
        .map((i) => `「${i.name}」`);
      if (names.length > 0)
        throw new DomainError('CONFLICT', `指标 ${names.join('、')} 已有填报条目引用，不能删除`);
    }
    await tx
      .delete(rules)
      .where(
        and(
          eq(rules.periodId, periodId),
          keptRuleCodes.length ? notInArray(rules.code, keptRuleCodes) : undefined,
        ),
      );
    await tx
      .delete(indicators)
      .where(
        and(
          eq(indicators.periodId, periodId),
          keptIndicatorCodes.length ? notInArray(indicators.code, keptIndicatorCodes) : undefined,
        ),
      );
    for (const [i, r] of scheme.pointRules.entries()) {
      const values = { ...r, periodId, sortOrder: i + 1 };
      await tx
        .insert(rules)
        .values(values)
        .onConflictDoUpdate({ target: [rules.periodId, rules.code], set: values });
    }
    for (const [i, ind] of scheme.indicators.entries()) {
      const values = { ...ind, computedKey: storedKey(ind.computedKey), periodId, sortOrder: i + 1 };
      await tx
        .insert(indicators)
        .values(values)
        .onConflictDoUpdate({ target: [indicators.periodId, indicators.code], set: values });
    }
    await tx.delete(bands).where(eq(bands.periodId, periodId));
    if (scheme.gradeBands.length > 0)
      await tx.insert(bands).values(scheme.gradeBands.map((b) => ({ periodId, ...b })));
    if (scheme.difficulty !== undefined) {
      await tx.delete(difficulty).where(eq(difficulty.periodId, periodId));
      await writeDifficulty(tx, periodId, scheme.difficulty);
    }
    await tx
      .update(periods)
      .set({ appealDays: scheme.appealDays, revision: period.revision + 1 })
      .where(eq(periods.id, periodId));
    await recordAudit(tx, {
      actor: actorOf(caller.user),
      action: 'assessment.scheme.update',
      targetType: 'assessmentPeriod',
      targetId: periodId,
      ip: caller.ip,
      detail: {
        revision: period.revision + 1,
        before: loaded.scheme.indicators.map((i) => ({ code: i.code, weight: i.weight })),
        after: scheme.indicators.map((i) => ({ code: i.code, weight: i.weight })),
        rules: scheme.pointRules.length,
        ...(scheme.difficulty === undefined
          ? {}
          : { difficultyBefore: loaded.scheme.difficulty, difficultyAfter: scheme.difficulty }),
      },
    });
  });
  return getPeriod(database.db, periodId);
}

/**
 * Closes a period: from now on its scheme and entries are frozen, and so are its scores (the
 * assessment as computed now is stored and read from then on: assessment-scores freezePeriod).
 */
export async function closePeriod(database: Database, periodId: number, caller: Caller): Promise<TPeriod> {
  const closed = await database.db.transaction(async (tx) => {
    const period = await lockOpenPeriod(tx, periodId);
    await tx
      .update(periods)
      .set({ status: 'closed', closedBy: caller.user.id, closedAt: now() })
      .where(eq(periods.id, periodId));
    await recordAudit(tx, {
      actor: actorOf(caller.user),
      action: 'assessment.period.close',
      targetType: 'assessmentPeriod',
      targetId: periodId,
      ip: caller.ip,
      detail: {},
    });
    return period;
  });
  await freezePeriod(database, {
    user: caller.user,
    ip: caller.ip,
    periodName: closed.name,
    period: { from: closed.startsOn, to: dayAfter(closed.endsOn) },
  });
  return getPeriod(database.db, periodId);
}
