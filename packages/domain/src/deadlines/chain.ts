import type { HolidayCalendar } from './calendar.ts';
import { computeLimit, type DeadlineResult, type LimitInput } from './compute.ts';
import { type LimitDefinition, type LimitId, limits } from './limits.ts';
import type { IsoDate } from './period.ts';

/** One link of a chain; its start is the previous link's due date. */
export interface ChainLink extends Omit<LimitInput, 'start' | 'calendar'> {
  readonly limit: LimitDefinition | LimitId;
}

/**
 * Limits that run one after another: each starts on the day the previous one ends, and since that
 * day is not counted (民法典 第二百零一条) the next period runs from the day after. A link whose
 * predecessor has no due date (paused) is 'pending'.
 */
export function computeChain(
  links: readonly ChainLink[],
  input: { readonly start: IsoDate; readonly calendar: HolidayCalendar },
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  let start: IsoDate | null = input.start;
  let waitingOn = '';
  for (const { limit, ...options } of links) {
    const definition = typeof limit === 'string' ? limits[limit] : limit;
    if (start === null) {
      results.push(pending(definition, waitingOn));
      continue;
    }
    const result = computeLimit(definition, { ...options, start, calendar: input.calendar });
    results.push(result);
    start = result.due;
    waitingOn = definition.name;
  }
  return results;
}

function pending(definition: LimitDefinition, waitingOn: string): DeadlineResult {
  const text = `待「${waitingOn}」届满后起算`;
  return {
    limitId: definition.id,
    name: definition.name,
    start: null,
    period: definition.period,
    urgent: false,
    due: null,
    state: 'pending',
    rawEnd: null,
    endBeforeExtension: null,
    pausedDays: 0,
    basis: definition.basis,
    countingBasis: [],
    steps: [text],
    explanation: text,
    warnings: [],
  };
}
