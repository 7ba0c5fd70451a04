import { createHash } from 'node:crypto';
import type { schema } from '@procura/db';
import { formatCaseNumber } from '@procura/domain/cases/case-number';
import { caseTypes, stageLabel, type TCaseType } from '@procura/domain/cases/case-types';
import type { TCaseEventKind } from '@procura/domain/cases/event-kinds';
import type { TOutcomeKind } from '@procura/domain/cases/outcomes';
import {
  computeLimit,
  type HolidayCalendar,
  type LimitId,
  limits,
  type Period,
} from '@procura/domain/deadlines/index';
import { addDays, chinaAt, daysBetween, weekday } from './calendar-days.ts';
import type { SeededRandom } from './random.ts';

/** Every generated record says so where people read it: its title, name, text or note. */
export const demoMark = '（演示数据）';
export const demoNote = '演示数据';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type S = typeof schema;

/** The rows of the demo work, each with its id, in the order they are inserted. */
export interface DemoRows {
  cases: Insert<S['cases']>[];
  clues: Insert<S['clues']>[];
  clueParties: Insert<S['clueParties']>[];
  clueTransfers: Insert<S['clueTransfers']>[];
  caseEvents: Insert<S['caseEvents']>[];
  caseOutcomes: Insert<S['caseOutcomes']>[];
  suggestions: Insert<S['suggestions']>[];
  deadlines: Insert<S['deadlines']>[];
  juvenileMinors: Insert<S['juvenileMinors']>[];
  juvenileGuardianshipOrders: Insert<S['juvenileGuardianshipOrders']>[];
  juvenileFollowUps: Insert<S['juvenileFollowUps']>[];
  juvenileFollowUpVisits: Insert<S['juvenileFollowUpVisits']>[];
  juvenileSealings: Insert<S['juvenileSealings']>[];
  judicialAids: Insert<S['judicialAids']>[];
  supportedProsecutions: Insert<S['supportedProsecutions']>[];
  supportedProsecutionApplicants: Insert<S['supportedProsecutionApplicants']>[];
  supportedProsecutionSteps: Insert<S['supportedProsecutionSteps']>[];
  adminDisputes: Insert<S['adminDisputes']>[];
  collideDatasets: Insert<S['collideDatasets']>[];
  collideRuns: Insert<S['collideRuns']>[];
  collideHits: Insert<S['collideHits']>[];
  mailboxLetters: Insert<S['mailboxLetters']>[];
  outreachEvents: Insert<S['outreachEvents']>[];
  caseNumberCounters: Insert<S['caseNumberCounters']>[];
  docNumberCounters: Insert<S['docNumberCounters']>[];
}

export type DemoTable = keyof DemoRows;

export const emptyRows = (): DemoRows => ({
  cases: [],
  clues: [],
  clueParties: [],
  clueTransfers: [],
  caseEvents: [],
  caseOutcomes: [],
  suggestions: [],
  deadlines: [],
  juvenileMinors: [],
  juvenileGuardianshipOrders: [],
  juvenileFollowUps: [],
  juvenileFollowUpVisits: [],
  juvenileSealings: [],
  judicialAids: [],
  supportedProsecutions: [],
  supportedProsecutionApplicants: [],
  supportedProsecutionSteps: [],
  adminDisputes: [],
  collideDatasets: [],
  collideRuns: [],
  collideHits: [],
  mailboxLetters: [],
  outreachEvents: [],
  caseNumberCounters: [],
  docNumberCounters: [],
});

export interface DemoUser {
  id: number;
  username: string;
  displayName: string;
}

export interface DemoDepartment {
  id: number;
  name: string;
  /** 检察建议文号代字 (部门设置 or the line's default). */
  docCode: string | null;
}

/** Where the generation starts its ids and numbers (an empty installation: from 1). */
export interface DemoStart {
  ids: Record<
    Exclude<
      DemoTable,
      'caseNumberCounters' | 'docNumberCounters' | 'supportedProsecutions' | 'adminDisputes'
    >,
    number
  >;
}

/** The shared state of one generation. */
export class DemoPlan {
  readonly rows = emptyRows();
  private readonly next: Record<string, number>;
  private readonly caseNumbers = new Map<string, number>();
  readonly usersById = new Map<number, DemoUser>();
  /** 文号代字 of each suggestion to be issued, numbered once all are written (finishCounters). */
  readonly suggestionCodes = new Map<number, string>();

  readonly rnd: SeededRandom;
  /** Today in China by the app's clock: everything lies in the two years up to it. */
  readonly today: string;
  readonly calendar: HolidayCalendar;
  readonly shortName: string;

  constructor(
    rnd: SeededRandom,
    today: string,
    calendar: HolidayCalendar,
    shortName: string,
    start: DemoStart,
  ) {
    this.rnd = rnd;
    this.today = today;
    this.calendar = calendar;
    this.shortName = shortName;
    this.next = { ...start.ids };
  }

  id(table: keyof DemoStart['ids']): number {
    const value = this.next[table]! + 1;
    this.next[table] = value;
    return value;
  }

  /** 成华检公益立〔2025〕12号: numbers follow the order cases are opened in (callers open in date order). */
  caseNumber(type: TCaseType, year: number): { caseNumber: string; seq: number } {
    const code = caseTypes[type].code;
    const key = `${year}\u0000${code}`;
    const seq = (this.caseNumbers.get(key) ?? 0) + 1;
    this.caseNumbers.set(key, seq);
    return { caseNumber: formatCaseNumber({ shortName: this.shortName, code, year, seq }), seq };
  }

  /** The counters' final values, so the next case opened by hand continues the series. */
  finishCounters(): void {
    for (const [key, last] of this.caseNumbers) {
      const [year, code] = key.split('\u0000');
      this.rows.caseNumberCounters.push({ year: Number(year), code: code!, last });
    }
    const documents = new Map<string, number>();
    const issued = this.rows.suggestions
      .filter((s) => s.issuedAt)
      .sort((a, b) => (a.issuedAt as Date).getTime() - (b.issuedAt as Date).getTime() || a.id! - b.id!);
    for (const s of issued) {
      const code = this.suggestionCodes.get(s.id!)!;
      const year = Number(chinaYearOf(s.issuedAt as Date));
      const key = `${year}\u0000${code}`;
      const seq = (documents.get(key) ?? 0) + 1;
      documents.set(key, seq);
      s.docNumber = formatCaseNumber({ shortName: this.shortName, code, year, seq });
      s.numberYear = year;
      s.numberSeq = seq;
    }
    // Events naming a suggestion's 文号 were written before numbering: fill them in now.
    const byId = new Map(this.rows.suggestions.map((s) => [s.id!, s]));
    for (const event of this.rows.caseEvents) {
      const suggestionId = (event.data as { suggestionId?: number } | undefined)?.suggestionId;
      if (!suggestionId || !event.note?.includes('{文号}')) continue;
      const docNumber = byId.get(suggestionId)?.docNumber ?? '';
      event.note = event.note.replace('{文号}', docNumber);
      event.data = { ...event.data, docNumber };
    }
    for (const [key, last] of documents) {
      const [year, code] = key.split('\u0000');
      this.rows.docNumberCounters.push({ year: Number(year), code: code!, last });
    }
  }

  /**
   * A statutory limit started on `start`, as the deadline engine computes it, with the limits
   * chained after it (回复期限 → 决定是否起诉); returns their rows, the first being the limit itself.
   */
  startLimit(
    owner: { caseId?: number | null; clueId?: number | null; suggestionId?: number | null },
    limitId: LimitId,
    start: string,
    options: { urgent?: boolean; period?: Period } = {},
  ): Insert<S['deadlines']>[] {
    const created: Insert<S['deadlines']>[] = [];
    let queue: {
      limitId: LimitId;
      start: string;
      predecessorId: number | null;
      urgent: boolean;
      period?: Period;
    }[] = [
      {
        limitId,
        start,
        predecessorId: null,
        urgent: options.urgent ?? false,
        ...(options.period ? { period: options.period } : {}),
      },
    ];
    while (queue.length) {
      const following: typeof queue = [];
      for (const item of queue) {
        const result = computeLimit(limits[item.limitId], {
          start: item.start,
          calendar: this.calendar,
          urgent: item.urgent,
          ...(item.period ? { period: item.period } : {}),
        });
        const row: Insert<S['deadlines']> = {
          id: this.id('deadlines'),
          caseId: owner.caseId ?? null,
          clueId: owner.clueId ?? null,
          suggestionId: owner.suggestionId ?? null,
          predecessorId: item.predecessorId,
          limitId: item.limitId,
          name: limits[item.limitId].name,
          urgent: item.urgent,
          period: item.period ?? null,
          startOn: item.start,
          dueOn: result.due,
          state: result.state,
          basis: { ...result.basis },
          explanation: result.explanation,
          steps: [...result.steps],
          warnings: [...result.warnings],
          createdAt: chinaAt(item.start, 17),
          updatedAt: chinaAt(item.start, 17),
        };
        this.rows.deadlines.push(row);
        created.push(row);
        for (const successor of Object.values(limits).filter((l) => l.after === item.limitId)) {
          if (result.due)
            following.push({
              limitId: successor.id,
              start: result.due,
              predecessorId: row.id!,
              urgent: false,
            });
        }
      }
      queue = following;
    }
    return created;
  }
}

function chinaYearOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);
}

/** A case being written: its row, and helpers that add its timeline in date order. */
export class DemoCase {
  readonly id: number;
  readonly row: Insert<S['cases']>;
  day: string;
  /** The day the next step would fall on lies after today: the case waits there. */
  stopped = false;

  readonly plan: DemoPlan;

  constructor(
    plan: DemoPlan,
    input: {
      type: TCaseType;
      departmentId: number;
      handler: DemoUser;
      title: string;
      openedOn: string;
      phase?: string | null;
      pilField?: Insert<S['cases']>['pilField'];
      clueId?: number | null;
    },
  ) {
    this.plan = plan;
    this.id = plan.id('cases');
    const openedAt = chinaAt(input.openedOn, 9, plan.rnd.int(0, 59));
    const year = Number(chinaYearOf(openedAt));
    const { caseNumber, seq } = plan.caseNumber(input.type, year);
    this.day = input.openedOn;
    this.row = {
      id: this.id,
      caseNumber,
      numberYear: year,
      numberSeq: seq,
      type: input.type,
      phase: input.phase ?? null,
      stage: caseTypes[input.type].initialStage,
      departmentId: input.departmentId,
      handlerId: input.handler.id,
      title: `${input.title}${demoMark}`,
      pilField: input.pilField ?? null,
      openedAt,
      closedAt: null,
      createdBy: input.handler.id,
      createdAt: openedAt,
      updatedAt: openedAt,
    };
    plan.rows.cases.push(this.row);
    this.event('caseOpened', `立案：${caseNumber}`, {
      caseNumber,
      ...(input.clueId ? { clueId: input.clueId } : {}),
    });
    for (const trigger of caseTypes[input.type].deadlines) {
      if (trigger.startsAt === 'caseOpened' && limits[trigger.limit].period)
        plan.startLimit({ caseId: this.id }, trigger.limit, this.day);
    }
  }

  get handler(): DemoUser {
    return this.plan.usersById.get(this.row.handlerId!)!;
  }

  /** Moves on by min…max days (to a weekday); false, and the case stops, when that is after today. */
  advance(min: number, max: number): boolean {
    if (this.stopped) return false;
    const next = weekday(addDays(this.day, this.plan.rnd.int(min, max)));
    if (next > this.plan.today) {
      this.stopped = true;
      return false;
    }
    this.day = next;
    return true;
  }

  event(kind: TCaseEventKind, note: string, data: Record<string, unknown> = {}, on = this.day): void {
    const at = chinaAt(on, this.plan.rnd.int(9, 17), this.plan.rnd.int(0, 59));
    this.plan.rows.caseEvents.push({
      id: this.plan.id('caseEvents'),
      caseId: this.id,
      kind,
      at,
      actorId: this.handler.id,
      actorName: this.handler.displayName,
      note: `${note}（${demoNote}）`,
      data,
      createdAt: at,
    });
    this.row.updatedAt = at;
  }

  stage(to: string, note?: string): void {
    const type = this.row.type as TCaseType;
    const from = this.row.stage!;
    this.event(
      'stageChanged',
      `${stageLabel(type, from)} → ${stageLabel(type, to)}${note ? `：${note}` : ''}`,
      {
        from,
        to,
      },
    );
    this.row.stage = to;
    const final = caseTypes[type].stages.find((s) => s.id === to && 'final' in s);
    if (final) this.row.closedAt = chinaAt(this.day, 17);
  }

  outcome(kind: TOutcomeKind, value: { amountFen?: number; count?: number }, note = demoNote): number {
    const id = this.plan.id('caseOutcomes');
    const at = chinaAt(this.day, 16);
    this.plan.rows.caseOutcomes.push({
      id,
      caseId: this.id,
      kind,
      amountFen: value.amountFen ?? null,
      count: value.count ?? null,
      note,
      recordedBy: this.handler.id,
      createdAt: at,
    });
    return id;
  }

  /** Completes the case's open limits of these ids (the work they wait for was done today). */
  complete(limitIds: readonly LimitId[], on = this.day): void {
    for (const d of this.plan.rows.deadlines) {
      if (d.caseId === this.id && !d.completedOn && limitIds.includes(d.limitId as LimitId)) {
        d.completedOn = on;
        d.updatedAt = chinaAt(on, 17);
      }
    }
  }

  /** Starts the limits this case type starts on an event of this kind. */
  startLimitsFor(kind: TCaseEventKind): void {
    for (const trigger of caseTypes[this.row.type as TCaseType].deadlines) {
      if (trigger.startsAt === kind && limits[trigger.limit].period)
        this.plan.startLimit({ caseId: this.id }, trigger.limit, this.day);
    }
  }
}

/** sha256 of a text (the pickup-code column of a letter no pickup code can open). */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A syntactically valid 公民身份号码 (GB 11643 check digit) in 成华区 (510108), from the generator. */
export function idNumber(rnd: SeededRandom, birthDate: string): string {
  const body = `510108${birthDate.replaceAll('-', '')}${String(rnd.int(100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

export function daysAgo(plan: DemoPlan, day: string): number {
  return daysBetween(day, plan.today);
}
