// How pauses (中止) stop the clock. Separate from compute.ts because the two counting modes treat a
// paused day differently and this is where the fixed-point reasoning lives.
import { addWorkingDays, type CalendarProbe } from './calendar.ts';
import type { DeadlineTrace, PauseTrace } from './explain.ts';
import { addCalendarPeriod, fromDayNumber, type IsoDate, type Period, toDayNumber } from './period.ts';

/**
 * A stretch during which the period does not run (鉴定、审计、审批). Both `from` and `to` are
 * paused days; counting resumes the day after `to`. `to: null` means still paused.
 */
export interface Pause {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly reason: string;
}

interface Span {
  readonly from: number;
  readonly to: number;
  readonly pause: Pause;
}

function toSpans(pauses: readonly Pause[]): { closed: Span[]; open: Span[] } {
  const closed: Span[] = [];
  const open: Span[] = [];
  for (const pause of pauses) {
    const from = toDayNumber(pause.from);
    if (pause.to === null) {
      open.push({ from, to: Number.POSITIVE_INFINITY, pause });
      continue;
    }
    const to = toDayNumber(pause.to);
    if (to < from) throw new RangeError(`中止结束日早于开始日：${pause.from} 至 ${pause.to}`);
    closed.push({ from, to, pause });
  }
  const byFrom = (a: Span, b: Span) => a.from - b.from;
  return { closed: closed.sort(byFrom), open: open.sort(byFrom) };
}

/** Days of `spans` (sorted by from) inside [a, b], each day once even where spans overlap. */
function pausedDaysIn(spans: readonly Span[], a: number, b: number): number {
  let count = 0;
  let covered = a - 1;
  for (const span of spans) {
    const lo = Math.max(span.from, covered + 1);
    const hi = Math.min(span.to, b);
    if (hi >= lo) count += hi - lo + 1;
    covered = Math.max(covered, Math.min(span.to, b));
  }
  return count;
}

/** Per pause, the days it adds inside (startDay, end] that earlier pauses did not already cover. */
function tracePauses(spans: readonly Span[], startDay: number, end: number): PauseTrace[] {
  const traces: PauseTrace[] = [];
  let covered = startDay;
  for (const span of spans) {
    const lo = Math.max(span.from, covered + 1);
    const hi = Math.min(span.to, end);
    traces.push({ ...span.pause, countedDays: hi >= lo ? hi - lo + 1 : 0 });
    covered = Math.max(covered, Math.min(span.to, end));
  }
  return traces;
}

export interface RunOutcome {
  rawEnd: IsoDate;
  restDaysSkipped: number;
  /** null when an open pause stops the clock. */
  end: IsoDate | null;
  pausedDays: number;
  pauses: PauseTrace[];
  open: DeadlineTrace['open'];
  warnings: string[];
}

/**
 * Calendar periods: the end moves back by the paused days that fall inside the running period.
 * Moving it can pull a later pause inside, so repeat until the end stops moving.
 */
export function runCalendarPeriod(start: IsoDate, period: Period, pauses: readonly Pause[]): RunOutcome {
  const rawEnd = addCalendarPeriod(start, period);
  const startDay = toDayNumber(start);
  const raw = toDayNumber(rawEnd);
  const { closed, open: opens } = toSpans(pauses);
  const [open] = opens;
  const warnings: string[] = [];
  if (opens.length > 1) warnings.push('存在多个未结束的中止，按最早开始的一个处理');
  const before = open ? closed.filter((s) => s.from < open.from) : closed;
  for (const span of closed) {
    if (!before.includes(span)) {
      warnings.push(`中止（${span.pause.reason}，${span.pause.from} 起）晚于未结束的中止，未计入`);
    }
  }

  let end = raw;
  for (;;) {
    const next = raw + pausedDaysIn(before, startDay + 1, end);
    if (next === end) break;
    end = next;
  }
  const pausedDays = end - raw;
  const traces = tracePauses(before, startDay, end);
  for (const span of before) {
    if (span.from > end) {
      warnings.push(`中止（${span.pause.reason}，${span.pause.from} 起）开始时期限已届满，未计入`);
    }
  }

  if (open && open.from <= end) {
    const resumeFrom = Math.max(open.from, startDay + 1);
    const countedSoFar = resumeFrom - (startDay + 1) - pausedDaysIn(before, startDay + 1, resumeFrom - 1);
    return {
      rawEnd,
      restDaysSkipped: 0,
      end: null,
      pausedDays: pausedDaysIn(before, startDay + 1, resumeFrom - 1),
      pauses: tracePauses(before, startDay, resumeFrom - 1),
      open: {
        from: open.pause.from,
        reason: open.pause.reason,
        countedSoFar,
        remaining: end - resumeFrom + 1,
      },
      warnings,
    };
  }
  if (open) {
    warnings.push(`中止（${open.pause.reason}，${open.pause.from} 起）开始时期限已届满，未计入`);
  }
  return {
    rawEnd,
    restDaysSkipped: 0,
    end: fromDayNumber(end),
    pausedDays,
    pauses: traces,
    open: null,
    warnings,
  };
}

/** Workday periods: walk day by day; a paused day never counts, whether or not it is a working day. */
export function runWorkdayPeriod(
  start: IsoDate,
  period: Period,
  pauses: readonly Pause[],
  probe: CalendarProbe,
): RunOutcome {
  const rawEnd = addWorkingDays(start, period.amount, probe);
  const startDay = toDayNumber(start);
  const restDaysSkipped = toDayNumber(rawEnd) - startDay - period.amount;
  const { closed, open: opens } = toSpans(pauses);
  const [open] = opens;
  const warnings: string[] = [];
  if (opens.length > 1) warnings.push('存在多个未结束的中止，按最早开始的一个处理');
  const before = open ? closed.filter((s) => s.from < open.from) : closed;

  let counted = 0;
  let day = startDay;
  let pausedDays = 0;
  while (counted < period.amount) {
    day++;
    if (open && day >= open.from) {
      const resumeFrom = Math.max(open.from, startDay + 1);
      return {
        rawEnd,
        restDaysSkipped,
        end: null,
        pausedDays,
        pauses: tracePauses(before, startDay, resumeFrom - 1),
        open: {
          from: open.pause.from,
          reason: open.pause.reason,
          countedSoFar: counted,
          remaining: period.amount - counted,
        },
        warnings,
      };
    }
    const current = day;
    if (before.some((s) => s.from <= current && current <= s.to)) {
      pausedDays++;
      continue;
    }
    if (!probe.isRestDay(fromDayNumber(day))) counted++;
  }
  for (const span of before) {
    if (span.from > day) {
      warnings.push(`中止（${span.pause.reason}，${span.pause.from} 起）开始时期限已届满，未计入`);
    }
  }
  if (open) warnings.push(`中止（${open.pause.reason}，${open.pause.from} 起）开始时期限已届满，未计入`);
  return {
    rawEnd,
    restDaysSkipped,
    end: fromDayNumber(day),
    pausedDays,
    pauses: tracePauses(before, startDay, day),
    open: null,
    warnings,
  };
}
