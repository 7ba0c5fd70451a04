import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { computeLimit, type LimitId, limits, type Pause, type Period } from '@procura/domain/deadlines/index';
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { loadCalendar, yearsFrom } from '../calendar/load-calendar.ts';
import { now } from '../clock.ts';

const { deadlines } = schema;
type DeadlineRow = typeof deadlines.$inferSelect;

/** What the engine says about one limit, as the columns of a deadlines row. */
export async function computeColumns(
  tx: Executor,
  spec: {
    limitId: LimitId;
    start: string | null;
    urgent: boolean;
    pauses: readonly Pause[];
    /** A period set for this record instead of the statutory one. */
    period?: Period | null;
    waitingOn?: string;
  },
) {
  const definition = limits[spec.limitId];
  if (spec.start === null) {
    const text = `待「${spec.waitingOn ?? '上一期限'}」届满后起算`;
    return {
      name: definition.name,
      period: spec.period ?? null,
      startOn: null,
      dueOn: null,
      state: 'pending' as const,
      basis: { ...definition.basis },
      explanation: text,
      steps: [text],
      warnings: [],
    };
  }
  const calendar = await loadCalendar(tx, yearsFrom(spec.start));
  const result = computeLimit(definition, {
    start: spec.start,
    calendar,
    urgent: spec.urgent,
    pauses: spec.pauses,
    ...(spec.period ? { period: spec.period } : {}),
  });
  return {
    name: definition.name,
    period: spec.period ?? null,
    startOn: spec.start,
    dueOn: result.due,
    state: result.state,
    basis: { ...result.basis },
    explanation: result.explanation,
    steps: [...result.steps],
    warnings: [...result.warnings],
  };
}

/** Limits that start when this one ends (回复期限届满 → 决定是否起诉). */
export function successorsOf(limitId: LimitId): LimitId[] {
  return Object.values(limits)
    .filter((l) => l.after === limitId)
    .map((l) => l.id);
}

/** Recomputes a deadline from its stored start and pauses, then every deadline chained after it. */
export async function recomputeChain(tx: Executor, row: DeadlineRow, waitingOn?: string): Promise<void> {
  const columns = await computeColumns(tx, {
    limitId: row.limitId as LimitId,
    start: row.startOn,
    urgent: row.urgent,
    pauses: row.pauses,
    period: row.period,
    ...(waitingOn ? { waitingOn } : {}),
  });
  await tx
    .update(deadlines)
    .set({ ...columns, updatedAt: now() })
    .where(eq(deadlines.id, row.id));
  const next = await tx.select().from(deadlines).where(eq(deadlines.predecessorId, row.id));
  for (const successor of next) {
    // A successor starts on its predecessor's due date; while that is unknown it waits (pending).
    await recomputeChain(tx, { ...successor, startOn: columns.dueOn }, columns.name);
  }
}

/**
 * After the calendar of `year` changed: recomputes every open deadline that may have looked at
 * that year (started in it or in the two years before), so due dates and warnings follow the data.
 */
export async function recomputeOpenDeadlines(tx: Executor, year: number): Promise<void> {
  const roots = await tx
    .select()
    .from(deadlines)
    .where(
      and(
        isNull(deadlines.completedOn),
        isNull(deadlines.predecessorId),
        gte(deadlines.startOn, `${year - 2}-01-01`),
        lte(deadlines.startOn, `${year + 1}-12-31`),
      ),
    );
  for (const root of roots) await recomputeChain(tx, root);
}
