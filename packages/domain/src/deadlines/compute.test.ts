import { describe, expect, it } from 'vitest';
import { countingBases } from './basis.ts';
import { calendarFromEntries, mergeCalendar } from './calendar.ts';
import { calendarFromChineseDays } from './calendar-chinese-days.ts';
import { computeChain } from './chain.ts';
import { computeDeadline, computeLimit, type DeadlineInput } from './compute.ts';
import { limitChain } from './limits.ts';

const cal = calendarFromChineseDays([2024, 2025, 2026]);
const basis = countingBases.startDayExcluded;
const days = (amount: number) => ({ amount, unit: 'day' as const });
const months = (amount: number) => ({ amount, unit: 'month' as const });
const workdays = (amount: number) => ({ amount, unit: 'workday' as const });
const due = (input: Partial<DeadlineInput> & Pick<DeadlineInput, 'start' | 'period'>) =>
  computeDeadline({ calendar: cal, basis, ...input }).due;

describe('month periods and the month end (民法典 第二百零二条)', () => {
  it('01-31 + 一个月 = 02-28, or 02-29 in a leap year', () => {
    expect(due({ start: '2025-01-31', period: months(1) })).toBe('2025-02-28'); // Friday
    expect(due({ start: '2024-01-31', period: months(1) })).toBe('2024-02-29'); // Thursday
  });

  it('2025-12-31 + 两个月 = 2026-02-28, a 调休 working Saturday, so it is NOT moved', () => {
    const result = computeLimit('preLitigationSuggestionReply', { start: '2025-12-31', calendar: cal });
    expect(result.rawEnd).toBe('2026-02-28');
    expect(result.due).toBe('2026-02-28');
    expect(result.explanation).toBe('2025-12-31 送达 + 两个月 = 2026-02-28（调休工作日，不顺延）');
    expect(result.steps.join('\n')).toContain('到期月没有对应日，以月末日 2026-02-28 为最后一日');
    expect(result.steps.join('\n')).toContain('2026-02-28 为调休工作日（春节调休，星期六）');
  });

  it('the same date on a plain Saturday would move to Monday', () => {
    const plain = mergeCalendar(cal, calendarFromEntries([{ date: '2026-02-28', kind: 'rest' }]));
    expect(computeDeadline({ start: '2025-12-31', period: months(2), calendar: plain, basis }).due).toBe(
      '2026-03-02',
    );
  });

  it('a worked Sunday (2026-09-20) is a due date that stays', () => {
    expect(due({ start: '2026-08-20', period: months(1) })).toBe('2026-09-20');
  });
});

describe('rest-day extension (民法典 第二百零三条)', () => {
  it('National Day 2026: 2026-08-01 送达 + 两个月 → 2026-10-08', () => {
    const result = computeLimit('preLitigationSuggestionReply', { start: '2026-08-01', calendar: cal });
    expect(result.due).toBe('2026-10-08');
    expect(result.state).toBe('running');
    expect(result.explanation).toBe('2026-08-01 送达 + 两个月 = 2026-10-01，国庆节假期顺延至 2026-10-08');
    expect(result.steps[0]).toBe(
      '起算：2026-08-01 送达，当日不计入，自 2026-08-02 开始计算（民法典第二百零一条）',
    );
    expect(result.steps.join('\n')).toContain('（民法典第二百零三条）');
    expect(result.basis).toMatchObject({ article: '第二十一条第二款', verified: true });
    expect(result.warnings).toEqual([]);
  });

  it('National Day 2025 includes 中秋 (10-06): 2025-08-01 + 两个月 → 2025-10-09', () => {
    const result = computeDeadline({
      start: '2025-08-01',
      period: months(2),
      calendar: cal,
      basis,
      startLabel: '送达',
    });
    expect(result.due).toBe('2025-10-09');
    expect(result.explanation).toBe(
      '2025-08-01 送达 + 两个月 = 2025-10-01，国庆节、中秋假期顺延至 2025-10-09',
    );
  });

  it('Spring Festival 2026: 2025-12-15 + 两个月 = 2026-02-15 → 2026-02-24', () => {
    expect(due({ start: '2025-12-15', period: months(2) })).toBe('2026-02-24');
  });

  it('a plain weekend: 2026-01-01 公告 + 30 日 = 2026-01-31 (Saturday) → 2026-02-02', () => {
    const result = computeLimit('civilPilAnnouncement', { start: '2026-01-01', calendar: cal });
    expect(result.due).toBe('2026-02-02');
    expect(result.explanation).toBe('2026-01-01 公告 + 30 日 = 2026-01-31，逢周末顺延至 2026-02-02');
  });

  it('days periods ending on a working day are not moved', () => {
    expect(due({ start: '2026-03-01', period: days(30) })).toBe('2026-03-31');
  });
});

describe('criminal periods (刑事诉讼法 第一百零五条)', () => {
  const criminal = { start: '2026-09-24', period: days(7), counting: 'criminal' as const };

  it('out of custody the holiday extends the period', () => {
    const result = computeDeadline({ ...criminal, calendar: cal, basis });
    expect(result.due).toBe('2026-10-08');
    expect(result.steps.join('\n')).toContain('刑事诉讼法第一百零五条');
  });

  it('in custody the period ends on the holiday itself', () => {
    const result = computeDeadline({ ...criminal, calendar: cal, basis, noHolidayExtension: true });
    expect(result.due).toBe('2026-10-01');
    expect(result.explanation).toContain('在押期间不因节假日延长');
    expect(result.countingBasis[0]).toBe(countingBases.criminalProcedure);
  });

  it('sealed-record query decision: 7 calendar days, extended by 刑诉法 第一百零五条', () => {
    const result = computeLimit('sealedRecordQueryDecision', { start: '2026-09-24', calendar: cal });
    expect(result.due).toBe('2026-10-08');
    expect(result.basis).toMatchObject({ law: '人民检察院刑事诉讼规则', article: '第四百八十四条第二款' });
  });
});

describe('working-day periods', () => {
  it('skip the National Day holiday and count the 调休 Saturday 10-10', () => {
    const result = computeDeadline({ start: '2026-09-30', period: workdays(3), calendar: cal, basis });
    expect(result.due).toBe('2026-10-10');
    expect(result.explanation).toContain('其间休息日 7 日不计');
  });

  it('skip Spring Festival 2026 and count the 调休 Saturday 02-14', () => {
    expect(due({ start: '2026-02-13', period: workdays(1) })).toBe('2026-02-14');
    expect(due({ start: '2026-02-13', period: workdays(2) })).toBe('2026-02-24');
  });

  it('do not count paused working days', () => {
    const pauses = [{ from: '2026-03-03', to: '2026-03-04', reason: '审批' }];
    // Mon 03-02 counts, Tue/Wed paused, Thu 03-05 and Fri 03-06 count.
    expect(due({ start: '2026-03-01', period: workdays(3), pauses })).toBe('2026-03-06');
  });
});

describe('pauses', () => {
  const reply = (pauses: DeadlineInput['pauses']) =>
    computeLimit('preLitigationSuggestionReply', { start: '2026-03-01', calendar: cal, pauses });

  it('a pause in the middle pushes the end back by its days', () => {
    const result = reply([{ from: '2026-03-10', to: '2026-03-20', reason: '鉴定' }]);
    expect(result.rawEnd).toBe('2026-05-01');
    expect(result.pausedDays).toBe(11);
    expect(result.due).toBe('2026-05-12');
    expect(result.explanation).toBe(
      '2026-03-01 送达 + 两个月 = 2026-05-01，中止 11 日不计入，顺延至 2026-05-12',
    );
    expect(result.steps.join('\n')).toContain('中止：2026-03-10 至 2026-03-20（鉴定），期间内 11 日不计入');
  });

  it('overlapping pauses count each day once', () => {
    const result = reply([
      { from: '2026-03-10', to: '2026-03-20', reason: '鉴定' },
      { from: '2026-03-15', to: '2026-03-25', reason: '审计' },
    ]);
    expect(result.pausedDays).toBe(16);
    expect(result.due).toBe('2026-05-18'); // 05-17 is a Sunday
  });

  it('a pause the pushed end reaches is counted too', () => {
    const result = reply([
      { from: '2026-03-10', to: '2026-03-20', reason: '鉴定' },
      { from: '2026-05-12', to: '2026-05-13', reason: '审批' },
    ]);
    expect(result.due).toBe('2026-05-14');
  });

  it('only the part of a pause after the start day counts', () => {
    const result = reply([{ from: '2026-02-25', to: '2026-03-05', reason: '审批' }]);
    expect(result.pausedDays).toBe(4);
    expect(result.endBeforeExtension).toBe('2026-05-05');
    expect(result.due).toBe('2026-05-06'); // Labour Day 05-01..05-05
  });

  it('a pause can push the end into a holiday, which then extends it', () => {
    const result = computeDeadline({
      start: '2026-07-20',
      period: months(2),
      calendar: cal,
      basis,
      pauses: [{ from: '2026-08-01', to: '2026-08-11', reason: '鉴定' }],
    });
    expect(result.endBeforeExtension).toBe('2026-10-01');
    expect(result.due).toBe('2026-10-08');
  });

  it('an open pause leaves no due date, and closing it gives start-of-resumption + remaining days', () => {
    const open = reply([{ from: '2026-03-10', to: null, reason: '鉴定' }]);
    expect(open.state).toBe('paused');
    expect(open.due).toBeNull();
    expect(open.explanation).toBe(
      '2026-03-01 送达 + 两个月，2026-03-10 起中止（鉴定），已计 8 日，尚余 53 日，恢复后自次日起继续计算',
    );
    const closed = reply([{ from: '2026-03-10', to: '2026-03-20', reason: '鉴定' }]);
    expect(closed.endBeforeExtension).toBe('2026-05-12'); // 03-20 + 53 days
  });

  it('a pause starting after the period ended is reported, not applied', () => {
    const result = reply([{ from: '2026-06-01', to: '2026-06-05', reason: '鉴定' }]);
    expect(result.due).toBe('2026-05-06');
    expect(result.warnings.join()).toContain('开始时期限已届满');
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => reply([{ from: '2026-03-10', to: '2026-03-09', reason: 'x' }])).toThrow(RangeError);
  });
});

describe('urgent mode and case-set periods', () => {
  it('urgent pre-litigation reply is 15 days', () => {
    const result = computeLimit('preLitigationSuggestionReply', {
      start: '2026-03-02',
      calendar: cal,
      urgent: true,
    });
    expect(result.period).toEqual(days(15));
    expect(result.urgent).toBe(true);
    expect(result.due).toBe('2026-03-17');
  });

  it('a limit without an urgent period warns and uses its normal period', () => {
    const result = computeLimit('minorProtectionSuggestionReply', {
      start: '2026-03-02',
      calendar: cal,
      urgent: true,
    });
    expect(result.due).toBe('2026-04-02');
    expect(result.warnings[0]).toContain('无紧急情形期间');
  });

  it('clue assessment has no length in the sources: it must be set', () => {
    expect(() => computeLimit('clueAssessment', { start: '2026-03-02', calendar: cal })).toThrow(
      /须由本院设定/,
    );
    expect(computeLimit('clueAssessment', { start: '2026-03-02', calendar: cal, period: days(30) }).due).toBe(
      '2026-04-01',
    );
  });
});

describe('chains', () => {
  it('Spring Festival: reply due 2026-02-24, then two months to decide on suit → 2026-04-24', () => {
    const [reply, decision] = computeChain(
      limitChain('suitDecisionAfterReply').map((limit) => ({ limit })),
      { start: '2025-12-15', calendar: cal },
    );
    expect(reply?.due).toBe('2026-02-24');
    expect(decision?.start).toBe('2026-02-24');
    expect(decision?.due).toBe('2026-04-24');
    expect(decision?.explanation).toBe('2026-02-24 回复期限届满 + 两个月 = 2026-04-24');
    expect(decision?.basis.verified).toBe(false);
  });

  it('National Day, urgent: 15 日 → 2026-10-08, decision → 2026-12-08', () => {
    const results = computeChain(
      [{ limit: 'preLitigationSuggestionReply', urgent: true }, { limit: 'suitDecisionAfterReply' }],
      { start: '2026-09-16', calendar: cal },
    );
    expect(results.map((r) => r.due)).toEqual(['2026-10-08', '2026-12-08']);
  });

  it('a paused link leaves the next one pending', () => {
    const results = computeChain(
      [
        { limit: 'preLitigationSuggestionReply', pauses: [{ from: '2026-03-10', to: null, reason: '鉴定' }] },
        { limit: 'suitDecisionAfterReply' },
      ],
      { start: '2026-03-01', calendar: cal },
    );
    expect(results.map((r) => r.state)).toEqual(['paused', 'pending']);
    expect(results[1]?.explanation).toBe('待「行政机关对诉前检察建议书面回复」届满后起算');
  });
});

describe('years without a loaded arrangement', () => {
  it('computes on weekends only and says so', () => {
    const result = due({ start: '2026-12-30', period: months(1) });
    expect(result).toBe('2027-02-01'); // 2027-01-30 is a Saturday
    const full = computeDeadline({ start: '2026-12-30', period: months(1), calendar: cal, basis });
    expect(full.warnings).toEqual([
      '2027 年节假日安排未载入，期限仅按周末顺延，请管理员导入国务院通知后复核',
    ]);
  });

  it('working-day periods warn for every unloaded year they cross', () => {
    const result = computeDeadline({ start: '2026-12-30', period: workdays(3), calendar: cal, basis });
    expect(result.due).toBe('2027-01-04');
    expect(result.warnings).toEqual([
      '2027 年节假日安排未载入，工作日仅按周末计算，请管理员导入国务院通知后复核',
    ]);
  });

  it('an imported 2027 notice removes the warning', () => {
    const notice = calendarFromEntries([{ date: '2027-01-01', kind: 'rest', name: '元旦' }]);
    const result = computeDeadline({
      start: '2026-12-30',
      period: workdays(3),
      calendar: mergeCalendar(cal, notice),
      basis,
    });
    expect(result.due).toBe('2027-01-05');
    expect(result.warnings).toEqual([]);
  });

  it('a year touched only at the start does not warn', () => {
    expect(
      computeDeadline({ start: '2023-12-31', period: months(2), calendar: cal, basis }).warnings,
    ).toEqual([]);
  });
});
