import { type Db, schema } from '@procura/db';
import {
  ownDeadlineLimitIds,
  suggestionReplyLimitIds,
  type TComputedKey,
} from '@procura/domain/assessment/indicators';
import { chinaDayStart } from '@procura/domain/china-time';
import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';

/**
 * The computed indicators of people over [from, to) (China dates), from the platform's own
 * records: one query per family of indicators, each returning the contributing records, so that
 * every value carries the ids it was counted from. The 口径 of each key is in
 * packages/domain/src/assessment/indicators.ts; the rule of who handled a record is there too.
 */

export type TRecordType =
  | 'case'
  | 'clue'
  | 'suggestion'
  | 'deadline'
  | 'outcome'
  | 'supportStep'
  | 'applicant'
  | 'modelHit'
  | 'followUpVisit'
  | 'outreachEvent';

export interface ContributingRecord {
  readonly type: TRecordType;
  readonly id: number;
  readonly label: string;
  /** The page of the record in the web app. */
  readonly url: string;
  /** What the record adds (a coefficient, an amount in fen). */
  readonly adds?: number;
  /** A juvenile record: counted, but listed only to the juvenile department. */
  readonly juvenile?: boolean;
}

export interface ComputedValue {
  readonly value: number | null;
  /** For rates: the numerator and the base. */
  readonly numerator?: number;
  readonly base?: number;
  readonly records: readonly ContributingRecord[];
}

export type PersonValues = Record<TComputedKey, ComputedValue>;

const juvenileCaseTypes = new Set(['juvenileVictim', 'juvenileSuspect']);
const amountOutcomeKinds = [
  'stateAssetsRecovered',
  'taxRecovered',
  'wagesRecovered',
  'subsidiesRecovered',
  'compensationPaid',
] as const;
const resolvedDisputeOutcomes = ['withdrawn', 'settled', 'organPerformed', 'complaintsEnded'] as const;

type Collected = Map<number, Map<TComputedKey, ContributingRecord[]>>;

function add(collected: Collected, userId: number, key: TComputedKey, record: ContributingRecord) {
  let byKey = collected.get(userId);
  if (!byKey) {
    byKey = new Map();
    collected.set(userId, byKey);
  }
  const list = byKey.get(key) ?? [];
  list.push(record);
  byKey.set(key, list);
}

const inDates = (from: string, to: string) => (day: string | null) => day !== null && day >= from && day < to;

export async function computeValues(
  db: Db,
  options: {
    userIds: readonly number[];
    from: string;
    to: string;
    /** The calculation's day (China): a deadline is overdue only once its due date is before it. */
    asOf: string;
    /** 难度系数 by case type; missing types count 1. */
    difficulty: Readonly<Record<string, number>>;
  },
): Promise<Map<number, PersonValues>> {
  const { from, to, asOf } = options;
  const userIds = [...options.userIds];
  const result = new Map<number, PersonValues>();
  if (userIds.length === 0) return result;
  const fromAt = chinaDayStart(from);
  const toAt = chinaDayStart(to);
  const within = inDates(from, to);
  const collected: Collected = new Map();
  const s = schema;

  // 办案数: cases opened in the period, by their handler, weighted by type.
  const cases = await db
    .select({
      id: s.cases.id,
      caseNumber: s.cases.caseNumber,
      title: s.cases.title,
      type: s.cases.type,
      handlerId: s.cases.handlerId,
    })
    .from(s.cases)
    .where(
      and(inArray(s.cases.handlerId, userIds), gte(s.cases.openedAt, fromAt), lt(s.cases.openedAt, toAt)),
    );
  for (const c of cases) {
    if (c.handlerId === null) continue;
    add(collected, c.handlerId, 'casesHandled', {
      type: 'case',
      id: c.id,
      label: `${c.caseNumber} ${c.title}`,
      url: `/cases/${c.id}`,
      adds: options.difficulty[c.type] ?? 1,
      juvenile: juvenileCaseTypes.has(c.type),
    });
  }

  // 线索成案数.
  const clues = await db
    .select({ id: s.clues.id, title: s.clues.title, handlerId: s.clues.handlerId, caseId: s.clues.caseId })
    .from(s.clues)
    .where(
      and(
        inArray(s.clues.handlerId, userIds),
        eq(s.clues.status, 'opened'),
        gte(s.clues.decidedAt, fromAt),
        lt(s.clues.decidedAt, toAt),
      ),
    );
  for (const c of clues) {
    if (c.handlerId === null) continue;
    add(collected, c.handlerId, 'cluesOpened', {
      type: 'clue',
      id: c.id,
      label: c.title,
      url: `/clues/${c.id}`,
    });
  }

  // 检察建议: issued, replied (adopted / rectified / assessed), replied on time.
  const suggestions = await db
    .select({
      id: s.suggestions.id,
      caseId: s.suggestions.caseId,
      docNumber: s.suggestions.docNumber,
      addressee: s.suggestions.addressee,
      createdBy: s.suggestions.createdBy,
      issuedAt: s.suggestions.issuedAt,
      replyOn: s.suggestions.replyOn,
      rectification: s.suggestions.rectification,
      caseType: s.cases.type,
    })
    .from(s.suggestions)
    .innerJoin(s.cases, eq(s.cases.id, s.suggestions.caseId))
    .where(
      and(
        inArray(s.suggestions.createdBy, userIds),
        or(
          and(gte(s.suggestions.issuedAt, fromAt), lt(s.suggestions.issuedAt, toAt)),
          and(gte(s.suggestions.replyOn, from), lt(s.suggestions.replyOn, to)),
        ),
      ),
    );
  const replyDue = new Map<number, string>();
  const suggestionIds = suggestions.map((row) => row.id);
  if (suggestionIds.length > 0) {
    const dues = await db
      .select({ suggestionId: s.deadlines.suggestionId, dueOn: s.deadlines.dueOn })
      .from(s.deadlines)
      .where(
        and(
          inArray(s.deadlines.suggestionId, suggestionIds),
          inArray(s.deadlines.limitId, [...suggestionReplyLimitIds]),
          isNotNull(s.deadlines.dueOn),
        ),
      );
    for (const d of dues) if (d.suggestionId !== null && d.dueOn) replyDue.set(d.suggestionId, d.dueOn);
  }
  const assessedBase = new Map<number, ContributingRecord[]>();
  for (const row of suggestions) {
    const record: ContributingRecord = {
      type: 'suggestion',
      id: row.id,
      label: `${row.docNumber ?? '（未编号）'} ${row.addressee}`,
      url: `/cases/${row.caseId}?suggestion=${row.id}`,
      juvenile: juvenileCaseTypes.has(row.caseType),
    };
    if (row.issuedAt && row.issuedAt >= fromAt && row.issuedAt < toAt) {
      add(collected, row.createdBy, 'suggestionsIssued', record);
    }
    if (within(row.replyOn)) {
      if (row.rectification === 'fullyRectified' || row.rectification === 'partlyRectified') {
        add(collected, row.createdBy, 'suggestionsAdopted', record);
      }
      if (row.rectification === 'fullyRectified')
        add(collected, row.createdBy, 'suggestionsRectified', record);
      if (row.rectification !== null) {
        assessedBase.set(row.createdBy, [...(assessedBase.get(row.createdBy) ?? []), record]);
      }
      const due = replyDue.get(row.id);
      if (due && row.replyOn && row.replyOn <= due) {
        add(collected, row.createdBy, 'repliesOnTime', {
          ...record,
          label: `${record.label}（${row.replyOn} 回复，期限 ${due}）`,
        });
      }
    }
  }

  // 期限: the procuratorate's own limits, by the handler of the case (directly or through its
  // suggestion) or of the clue.
  const caseOfSuggestion = sql<
    number | null
  >`(select ${s.suggestions.caseId} from ${s.suggestions} where ${s.suggestions.id} = ${s.deadlines.suggestionId})`;
  const owner = sql<number | null>`coalesce(
    (select ${s.cases.handlerId} from ${s.cases} where ${s.cases.id} = coalesce(${s.deadlines.caseId}, ${caseOfSuggestion})),
    (select ${s.clues.handlerId} from ${s.clues} where ${s.clues.id} = ${s.deadlines.clueId}))`;
  const ownDeadlines = await db
    .select({
      id: s.deadlines.id,
      name: s.deadlines.name,
      caseId: s.deadlines.caseId,
      clueId: s.deadlines.clueId,
      dueOn: s.deadlines.dueOn,
      completedOn: s.deadlines.completedOn,
      owner,
    })
    .from(s.deadlines)
    .where(
      and(
        inArray(s.deadlines.limitId, [...ownDeadlineLimitIds]),
        gte(s.deadlines.dueOn, from),
        lt(s.deadlines.dueOn, to),
        inArray(owner, userIds),
      ),
    );
  for (const d of ownDeadlines) {
    if (d.owner === null || d.dueOn === null) continue;
    const ownerId = Number(d.owner);
    const url = d.caseId ? `/cases/${d.caseId}` : d.clueId ? `/clues/${d.clueId}` : '/deadlines';
    const base = { type: 'deadline' as const, id: d.id, url };
    if (d.completedOn !== null && d.completedOn <= d.dueOn) {
      add(collected, ownerId, 'deadlinesMet', {
        ...base,
        label: `${d.name}（到期 ${d.dueOn}，${d.completedOn} 完成）`,
      });
    } else if (d.dueOn < asOf && (d.completedOn === null || d.completedOn > d.dueOn)) {
      add(collected, ownerId, 'deadlinesOverdue', {
        ...base,
        label: `${d.name}（到期 ${d.dueOn}，${d.completedOn ? `${d.completedOn} 完成` : '未完成'}）`,
      });
    }
  }

  // 挽回损失金额: money outcomes of the person's cases recorded in the period.
  const outcomes = await db
    .select({
      id: s.caseOutcomes.id,
      caseId: s.caseOutcomes.caseId,
      amountFen: s.caseOutcomes.amountFen,
      handlerId: s.cases.handlerId,
      caseNumber: s.cases.caseNumber,
      caseType: s.cases.type,
    })
    .from(s.caseOutcomes)
    .innerJoin(s.cases, eq(s.cases.id, s.caseOutcomes.caseId))
    .where(
      and(
        inArray(s.cases.handlerId, userIds),
        inArray(s.caseOutcomes.kind, [...amountOutcomeKinds]),
        gte(s.caseOutcomes.createdAt, fromAt),
        lt(s.caseOutcomes.createdAt, toAt),
      ),
    );
  for (const o of outcomes) {
    if (o.handlerId === null || !o.amountFen) continue;
    add(collected, o.handlerId, 'moneyRecovered', {
      type: 'outcome',
      id: o.id,
      label: `${o.caseNumber} 办案成效`,
      url: `/cases/${o.caseId}`,
      adds: o.amountFen,
      juvenile: juvenileCaseTypes.has(o.caseType),
    });
  }

  // 支持起诉: suits filed (one per case) and amounts paid to applicants.
  const filings = await db
    .selectDistinctOn([s.supportedProsecutionSteps.caseId], {
      id: s.supportedProsecutionSteps.id,
      caseId: s.supportedProsecutionSteps.caseId,
      handlerId: s.cases.handlerId,
      caseNumber: s.cases.caseNumber,
      title: s.cases.title,
    })
    .from(s.supportedProsecutionSteps)
    .innerJoin(s.cases, eq(s.cases.id, s.supportedProsecutionSteps.caseId))
    .where(
      and(
        inArray(s.cases.handlerId, userIds),
        eq(s.supportedProsecutionSteps.kind, 'courtFiling'),
        gte(s.supportedProsecutionSteps.on, from),
        lt(s.supportedProsecutionSteps.on, to),
      ),
    )
    .orderBy(s.supportedProsecutionSteps.caseId, s.supportedProsecutionSteps.on);
  for (const f of filings) {
    if (f.handlerId === null) continue;
    add(collected, f.handlerId, 'supportedSuits', {
      type: 'case',
      id: f.caseId,
      label: `${f.caseNumber} ${f.title}`,
      url: `/cases/${f.caseId}`,
    });
  }
  const paid = await db
    .select({
      id: s.supportedProsecutionApplicants.id,
      caseId: s.supportedProsecutionApplicants.caseId,
      recoveredFen: s.supportedProsecutionApplicants.recoveredFen,
      handlerId: s.cases.handlerId,
      caseNumber: s.cases.caseNumber,
    })
    .from(s.supportedProsecutionApplicants)
    .innerJoin(s.cases, eq(s.cases.id, s.supportedProsecutionApplicants.caseId))
    .where(
      and(
        inArray(s.cases.handlerId, userIds),
        isNotNull(s.supportedProsecutionApplicants.recoveredFen),
        gte(s.supportedProsecutionApplicants.paidOn, from),
        lt(s.supportedProsecutionApplicants.paidOn, to),
      ),
    );
  for (const p of paid) {
    if (p.handlerId === null || !p.recoveredFen) continue;
    add(collected, p.handlerId, 'supportedSuitAmount', {
      type: 'applicant',
      id: p.id,
      label: `${p.caseNumber} 申请人到位金额`,
      url: `/cases/${p.caseId}`,
      adds: p.recoveredFen,
    });
  }

  // 行政争议化解.
  const disputes = await db
    .select({
      caseId: s.adminDisputes.caseId,
      handlerId: s.cases.handlerId,
      caseNumber: s.cases.caseNumber,
      title: s.cases.title,
    })
    .from(s.adminDisputes)
    .innerJoin(s.cases, eq(s.cases.id, s.adminDisputes.caseId))
    .where(
      and(
        inArray(s.cases.handlerId, userIds),
        inArray(s.adminDisputes.outcome, [...resolvedDisputeOutcomes]),
        gte(s.adminDisputes.outcomeOn, from),
        lt(s.adminDisputes.outcomeOn, to),
      ),
    );
  for (const d of disputes) {
    if (d.handlerId === null) continue;
    add(collected, d.handlerId, 'disputesResolved', {
      type: 'case',
      id: d.caseId,
      label: `${d.caseNumber} ${d.title}`,
      url: `/cases/${d.caseId}`,
    });
  }

  // 模型命中核实.
  const hits = await db
    .select({
      id: s.collideHits.id,
      runId: s.collideHits.runId,
      subject: s.collideHits.subject,
      reviewedBy: s.collideHits.reviewedBy,
    })
    .from(s.collideHits)
    .where(
      and(
        inArray(s.collideHits.reviewedBy, userIds),
        inArray(s.collideHits.status, ['confirmed', 'clue']),
        gte(s.collideHits.reviewedAt, fromAt),
        lt(s.collideHits.reviewedAt, toAt),
      ),
    );
  for (const h of hits) {
    if (h.reviewedBy === null) continue;
    add(collected, h.reviewedBy, 'modelHitsConfirmed', {
      type: 'modelHit',
      id: h.id,
      label: h.subject,
      url: `/models/runs/${h.runId}`,
    });
  }

  // 帮教回访.
  const planOwner = sql<number>`coalesce(${s.juvenileFollowUps.handlerId}, ${s.juvenileFollowUps.createdBy})`;
  const visits = await db
    .select({ id: s.juvenileFollowUpVisits.id, doneOn: s.juvenileFollowUpVisits.doneOn, owner: planOwner })
    .from(s.juvenileFollowUpVisits)
    .innerJoin(s.juvenileFollowUps, eq(s.juvenileFollowUps.id, s.juvenileFollowUpVisits.followUpId))
    .where(
      and(
        inArray(planOwner, userIds),
        gte(s.juvenileFollowUpVisits.doneOn, from),
        lt(s.juvenileFollowUpVisits.doneOn, to),
      ),
    );
  for (const v of visits) {
    add(collected, Number(v.owner), 'juvenileFollowUpsDone', {
      type: 'followUpVisit',
      id: v.id,
      label: `回访（${v.doneOn}）`,
      url: '/juvenile/follow-ups',
      juvenile: true,
    });
  }

  // 法治宣传活动.
  const events = await db
    .select({ id: s.outreachEvents.id, title: s.outreachEvents.title, createdBy: s.outreachEvents.createdBy })
    .from(s.outreachEvents)
    .where(
      and(
        inArray(s.outreachEvents.createdBy, userIds),
        gte(s.outreachEvents.heldOn, from),
        lt(s.outreachEvents.heldOn, to),
      ),
    );
  for (const e of events) {
    add(collected, e.createdBy, 'outreachEvents', {
      type: 'outreachEvent',
      id: e.id,
      label: e.title,
      url: '/outreach',
    });
  }

  for (const userId of userIds) {
    const byKey = collected.get(userId) ?? new Map<TComputedKey, ContributingRecord[]>();
    const records = (key: TComputedKey) => byKey.get(key) ?? [];
    const count = (key: TComputedKey): ComputedValue => ({
      value: records(key).length,
      records: records(key),
    });
    // Amounts are kept in fen on the records and shown in 元.
    const sum = (key: TComputedKey): ComputedValue => ({
      value: records(key).reduce((total, r) => total + (r.adds ?? 0), 0) / 100,
      records: records(key),
    });
    const adopted = records('suggestionsAdopted').length;
    const assessed = assessedBase.get(userId) ?? [];
    const met = records('deadlinesMet').length;
    const overdue = records('deadlinesOverdue').length;
    result.set(userId, {
      casesHandled: {
        value: Math.round(records('casesHandled').reduce((t, r) => t + (r.adds ?? 1), 0) * 100) / 100,
        records: records('casesHandled'),
      },
      cluesOpened: count('cluesOpened'),
      suggestionsIssued: count('suggestionsIssued'),
      suggestionsAdopted: count('suggestionsAdopted'),
      suggestionsRectified: count('suggestionsRectified'),
      suggestionAdoptionRate: {
        value: assessed.length === 0 ? null : (adopted / assessed.length) * 100,
        numerator: adopted,
        base: assessed.length,
        records: assessed,
      },
      repliesOnTime: count('repliesOnTime'),
      deadlinesMet: count('deadlinesMet'),
      deadlinesOverdue: count('deadlinesOverdue'),
      deadlineOnTimeRate: {
        value: met + overdue === 0 ? null : (met / (met + overdue)) * 100,
        numerator: met,
        base: met + overdue,
        records: [...records('deadlinesMet'), ...records('deadlinesOverdue')],
      },
      moneyRecovered: sum('moneyRecovered'),
      supportedSuits: count('supportedSuits'),
      supportedSuitAmount: sum('supportedSuitAmount'),
      disputesResolved: count('disputesResolved'),
      modelHitsConfirmed: count('modelHitsConfirmed'),
      juvenileFollowUpsDone: count('juvenileFollowUpsDone'),
      outreachEvents: count('outreachEvents'),
    });
  }
  return result;
}
