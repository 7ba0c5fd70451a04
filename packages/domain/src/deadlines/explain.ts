// Turns what compute.ts did into the Chinese a prosecutor reads. Kept apart so the arithmetic can
// be tested on dates and the wording changed without touching it.
import { type CountingRule, cite, countingBases } from './basis.ts';
import { addDays, type IsoDate, type Period, weekday } from './period.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 1 → 一, 2 → 二, 12 → 十二, 21 → 二十一; from 100 up, Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A count before a measure word says 两, not 二: 两个月, 两年. */
function chineseCount(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

/** 一个月, 两个月, 一年, 15 日, 5 个工作日. */
export function formatPeriod(period: Period): string {
  switch (period.unit) {
    case 'month':
      return `${chineseCount(period.amount)}个月`;
    case 'year':
      return `${chineseCount(period.amount)}年`;
    case 'day':
      return `${period.amount} 日`;
    case 'workday':
      return `${period.amount} 个工作日`;
  }
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[weekday(date)] ?? '';
}

export interface RestDayTrace {
  readonly date: IsoDate;
  /** The holiday's name, absent for a plain weekend. */
  readonly name?: string;
}

export interface PauseTrace {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly reason: string;
  /** Paused days inside the running period that no earlier pause already covered. */
  readonly countedDays: number;
}

/** Everything compute.ts decided, in the order it decided it. */
export interface DeadlineTrace {
  readonly start: IsoDate;
  readonly startLabel: string;
  readonly period: Period;
  readonly urgent: boolean;
  readonly counting: CountingRule;
  readonly rawEnd: IsoDate;
  /** Month periods whose final month lacks the corresponding day (第二百零二条 second half). */
  readonly clampedToMonthEnd: boolean;
  /** Workday periods: rest days passed over between start and rawEnd. */
  readonly restDaysSkipped: number;
  readonly pauses: readonly PauseTrace[];
  readonly pausedDays: number;
  readonly endBeforeExtension: IsoDate | null;
  readonly open: {
    readonly from: IsoDate;
    readonly reason: string;
    readonly countedSoFar: number;
    readonly remaining: number;
  } | null;
  /** Rest days the last day was moved over (empty when it was not moved). */
  readonly extendedOver: readonly RestDayTrace[];
  readonly noHolidayExtension: boolean;
  /** The last day is a weekend worked under 调休: it stays (name of the holiday it makes up for). */
  readonly makeupWorkday: { readonly name?: string } | null;
  /** With noHolidayExtension: the last day that stays although it is a rest day. */
  readonly keptRestDay: RestDayTrace | null;
  readonly due: IsoDate | null;
}

function restDayText(day: RestDayTrace): string {
  return day.name ? `法定休假日（${day.name}）` : `休息日（${weekdayName(day.date)}）`;
}

function extensionReason(days: readonly RestDayTrace[]): string {
  const names = [...new Set(days.flatMap((d) => (d.name ? [d.name] : [])))];
  if (names.length === 0) return '逢周末';
  const weekend = days.some((d) => !d.name);
  return `${weekend ? '周末及' : ''}${names.join('、')}假期`;
}

function startArticle(counting: CountingRule): string {
  return cite(counting === 'criminal' ? countingBases.criminalProcedure : countingBases.startDayExcluded);
}

function extensionArticle(counting: CountingRule): string {
  return cite(counting === 'criminal' ? countingBases.criminalProcedure : countingBases.restDayExtension);
}

function unitOfRemaining(period: Period): string {
  return period.unit === 'workday' ? '个工作日' : '日';
}

export function explain(trace: DeadlineTrace): string {
  const head = `${trace.start} ${trace.startLabel} + ${formatPeriod(trace.period)}`;
  if (trace.open) {
    const { from, reason, countedSoFar, remaining } = trace.open;
    const unit = unitOfRemaining(trace.period);
    return `${head}，${from} 起中止（${reason}），已计 ${countedSoFar} ${unit}，尚余 ${remaining} ${unit}，恢复后自次日起继续计算`;
  }
  let text = `${head} = ${trace.rawEnd}`;
  if (trace.period.unit === 'workday' && trace.restDaysSkipped > 0) {
    text += `（其间休息日 ${trace.restDaysSkipped} 日不计）`;
  }
  if (trace.pausedDays > 0) {
    text += `，中止 ${trace.pausedDays} 日不计入，顺延至 ${trace.endBeforeExtension}`;
  }
  if (trace.extendedOver.length > 0) {
    text += `，${extensionReason(trace.extendedOver)}顺延至 ${trace.due}`;
  }
  if (trace.keptRestDay) {
    text += `，在押期间不因节假日延长，${trace.due} 期满`;
  }
  if (trace.makeupWorkday) {
    text += '（调休工作日，不顺延）';
  }
  return text;
}

export function explainSteps(trace: DeadlineTrace): string[] {
  const steps: string[] = [];
  const firstDay = addDays(trace.start, 1);
  steps.push(
    `起算：${trace.start} ${trace.startLabel}，当日不计入，自 ${firstDay} 开始计算（${startArticle(trace.counting)}）`,
  );
  const length = formatPeriod(trace.period);
  const periodText = `${trace.urgent ? '紧急情形，' : ''}期间${/^\d/.test(length) ? ' ' : ''}${length}`;
  switch (trace.period.unit) {
    case 'month':
    case 'year':
      steps.push(
        trace.clampedToMonthEnd
          ? `${periodText}：到期月没有对应日，以月末日 ${trace.rawEnd} 为最后一日（${cite(countingBases.monthEnd)}）`
          : `${periodText}：到期月的对应日 ${trace.rawEnd} 为最后一日（${cite(countingBases.monthEnd)}）`,
      );
      break;
    case 'day':
      steps.push(`${periodText}：第 ${trace.period.amount} 日为 ${trace.rawEnd}`);
      break;
    case 'workday':
      steps.push(
        `${periodText}：只计工作日，其间休息日 ${trace.restDaysSkipped} 日不计，第 ${trace.period.amount} 个工作日为 ${trace.rawEnd}`,
      );
      break;
  }
  for (const pause of trace.pauses) {
    const span = `${pause.from} 至 ${pause.to ?? '今'}`;
    steps.push(
      pause.countedDays > 0
        ? `中止：${span}（${pause.reason}），期间内 ${pause.countedDays} 日不计入（${cite(countingBases.pause)}）`
        : `中止：${span}（${pause.reason}）不在计算期间内，不影响期限`,
    );
  }
  if (trace.open) {
    const unit = unitOfRemaining(trace.period);
    steps.push(
      `期限暂停：${trace.open.from} 起中止（${trace.open.reason}）尚未结束，已计 ${trace.open.countedSoFar} ${unit}，尚余 ${trace.open.remaining} ${unit}；恢复后自恢复之日的次日继续计算`,
    );
    return steps;
  }
  if (trace.pausedDays > 0) {
    steps.push(`中止共 ${trace.pausedDays} 日，最后一日顺延至 ${trace.endBeforeExtension}`);
  }
  const last = trace.endBeforeExtension;
  if (last === null) return steps;
  const [firstRest] = trace.extendedOver;
  if (firstRest) {
    const until = trace.extendedOver.at(-1)?.date ?? firstRest.date;
    const range = until === firstRest.date ? firstRest.date : `${firstRest.date} 至 ${until}`;
    steps.push(
      `${last} 为${restDayText(firstRest)}，${range} 均为休息日，以其后第一个工作日 ${trace.due} 为最后一日（${extensionArticle(trace.counting)}）`,
    );
  } else if (trace.keptRestDay) {
    steps.push(
      `${last} 为${restDayText(trace.keptRestDay)}，但犯罪嫌疑人、被告人或者罪犯在押，至期满之日为止，不因节假日延长（${cite(countingBases.criminalProcedure)}）`,
    );
  } else if (trace.makeupWorkday) {
    const why = trace.makeupWorkday.name ? `${trace.makeupWorkday.name}调休，` : '';
    steps.push(`${last} 为调休工作日（${why}${weekdayName(last)}），不是休息日，无需顺延`);
  } else if (trace.period.unit !== 'workday') {
    steps.push(`${last} 为工作日，无需顺延`);
  }
  steps.push(
    `${trace.due} 二十四时届满；有业务时间的，至停止业务活动时（${cite(countingBases.endOfLastDay)}）`,
  );
  return steps;
}
