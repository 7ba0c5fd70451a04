import type * as states from '../states.ts';
import { type CountingRule, countingBases, type LegalBasis } from './basis.ts';
import { type HolidayCalendar, isRestDay, missingYearWarnings, probeCalendar } from './calendar.ts';
import { type DeadlineTrace, explain, explainSteps, type RestDayTrace } from './explain.ts';
import { type LimitDefinition, type LimitId, limits } from './limits.ts';
import { type Pause, runCalendarPeriod, runWorkdayPeriod } from './pauses.ts';
import { addDays, assertPeriod, type IsoDate, type Period, toDayNumber } from './period.ts';

/** `pending`: a chained limit whose predecessor has no due date yet. */
export type DeadlineState = (typeof states.deadlineStateIds)[number];

export type { Pause } from './pauses.ts';

export interface DeadlineInput {
  /** Day of the start event; not counted (民法典 第二百零一条). */
  readonly start: IsoDate;
  readonly period: Period;
  readonly calendar: HolidayCalendar;
  readonly basis: LegalBasis;
  readonly startLabel?: string;
  readonly counting?: CountingRule;
  /** 刑事诉讼法 第一百零五条: in custody, the last day is not moved off a holiday. */
  readonly noHolidayExtension?: boolean;
  readonly pauses?: readonly Pause[];
  readonly urgent?: boolean;
  readonly limitId?: LimitId;
  readonly name?: string;
}

export interface DeadlineResult {
  readonly limitId: LimitId | null;
  readonly name: string | null;
  readonly start: IsoDate | null;
  readonly period: Period | null;
  readonly urgent: boolean;
  /** null while paused or pending. */
  readonly due: IsoDate | null;
  readonly state: DeadlineState;
  /** start + period, before pauses and rest-day extension. */
  readonly rawEnd: IsoDate | null;
  /** After pauses, before rest-day extension. */
  readonly endBeforeExtension: IsoDate | null;
  readonly pausedDays: number;
  readonly basis: LegalBasis;
  /** The counting articles applied. */
  readonly countingBasis: readonly LegalBasis[];
  readonly steps: readonly string[];
  readonly explanation: string;
  readonly warnings: readonly string[];
}

function restDayTrace(date: IsoDate, calendar: HolidayCalendar): RestDayTrace {
  const name = calendar.restDays.has(date) ? calendar.names?.get(date) : undefined;
  return name ? { date, name } : { date };
}

function pickName(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

function countingBasisFor(counting: CountingRule, period: Period, noHolidayExtension: boolean): LegalBasis[] {
  const monthly = period.unit === 'month' || period.unit === 'year' ? [countingBases.monthEnd] : [];
  if (counting === 'criminal' || noHolidayExtension) {
    return [countingBases.criminalProcedure, ...monthly];
  }
  return [
    countingBases.startDayExcluded,
    ...monthly,
    countingBases.restDayExtension,
    countingBases.civilProcedure,
  ];
}

/** The due date of one period, with its reasoning. Pure: the calendar is passed in. */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const { start, period, calendar } = input;
  assertPeriod(period);
  toDayNumber(start); // validates before any work
  const counting = input.counting ?? 'civil';
  const noHolidayExtension = input.noHolidayExtension ?? false;
  const probe = probeCalendar(calendar);
  const run =
    period.unit === 'workday'
      ? runWorkdayPeriod(start, period, input.pauses ?? [], probe)
      : runCalendarPeriod(start, period, input.pauses ?? []);

  const extendedOver: RestDayTrace[] = [];
  let keptRestDay: RestDayTrace | null = null;
  let due = run.end;
  if (run.end !== null && period.unit !== 'workday') {
    if (noHolidayExtension) {
      // Only to explain why the day stays; not a lookup the result depends on, so no probe.
      if (isRestDay(run.end, calendar)) keptRestDay = restDayTrace(run.end, calendar);
    } else {
      let day = run.end;
      while (probe.isRestDay(day)) {
        extendedOver.push(restDayTrace(day, calendar));
        day = addDays(day, 1);
      }
      due = day;
    }
  }

  const trace: DeadlineTrace = {
    start,
    startLabel: input.startLabel ?? '起算',
    period,
    urgent: input.urgent ?? false,
    counting: noHolidayExtension ? 'criminal' : counting,
    rawEnd: run.rawEnd,
    clampedToMonthEnd:
      (period.unit === 'month' || period.unit === 'year') && run.rawEnd.slice(8) !== start.slice(8),
    restDaysSkipped: run.restDaysSkipped,
    pauses: run.pauses,
    pausedDays: run.pausedDays,
    endBeforeExtension: run.end,
    open: run.open,
    extendedOver,
    noHolidayExtension,
    keptRestDay,
    makeupWorkday:
      due !== null && calendar.workdays.has(due) ? { ...pickName(calendar.names?.get(due)) } : null,
    due,
  };
  const warnings = [
    ...missingYearWarnings(probe.missingYears(), period.unit === 'workday' ? 'workdays' : 'extension'),
    ...run.warnings,
  ];
  return {
    limitId: input.limitId ?? null,
    name: input.name ?? null,
    start,
    period,
    urgent: input.urgent ?? false,
    due,
    state: run.open ? 'paused' : 'running',
    rawEnd: run.rawEnd,
    endBeforeExtension: run.end,
    pausedDays: run.pausedDays,
    basis: input.basis,
    countingBasis: countingBasisFor(counting, period, noHolidayExtension),
    steps: explainSteps(trace),
    explanation: explain(trace),
    warnings,
  };
}

export interface LimitInput {
  readonly start: IsoDate;
  readonly calendar: HolidayCalendar;
  /** Use the limit's urgent period. */
  readonly urgent?: boolean;
  /** A period set for this case (a shorter suggestion period, or a clue-assessment limit). */
  readonly period?: Period;
  readonly noHolidayExtension?: boolean;
  readonly pauses?: readonly Pause[];
  readonly startLabel?: string;
}

/** One catalogue limit: picks the period (urgent, case-set or default) and the counting rule. */
export function computeLimit(limit: LimitDefinition | LimitId, input: LimitInput): DeadlineResult {
  const definition = typeof limit === 'string' ? limits[limit] : limit;
  const warnings: string[] = [];
  let period = input.period ?? definition.period;
  let urgent = false;
  if (input.urgent && !input.period) {
    if (definition.urgentPeriod) {
      period = definition.urgentPeriod;
      urgent = true;
    } else {
      warnings.push(`${definition.name}无紧急情形期间，按一般期间计算`);
    }
  }
  if (!period) {
    throw new RangeError(`${definition.name}：依据未规定期限长度，须由本院设定后传入 period`);
  }
  const result = computeDeadline({
    start: input.start,
    period,
    calendar: input.calendar,
    basis: definition.basis,
    startLabel: input.startLabel ?? definition.startLabel,
    counting: definition.counting,
    noHolidayExtension: input.noHolidayExtension ?? false,
    pauses: input.pauses ?? [],
    urgent,
    limitId: definition.id,
    name: definition.name,
  });
  return warnings.length ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}
