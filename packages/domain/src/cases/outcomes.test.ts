import { describe, expect, it } from 'vitest';
import { formatYuan } from '../clean/amount.ts';
import { isOpenClue, sourceOnReceipt } from './clue-sources.ts';
import { formatOutcome, outcomeKinds } from './outcomes.ts';

describe('outcomes', () => {
  it('formats fen as yuan without floating point', () => {
    expect(formatOutcome('wagesRecovered', { amountFen: 119000000, count: null })).toBe('1,190,000.00 元');
    expect(formatOutcome('wagesRecovered', { amountFen: 5, count: null })).toBe('0.05 元');
    expect(formatOutcome('wagesRecovered', { amountFen: -1250, count: null })).toBe('-12.50 元');
    expect(() => formatYuan(1.5)).toThrow('整数');
  });

  it('formats by measure', () => {
    expect(formatOutcome('stateAssetsRecovered', { amountFen: 119000000, count: null })).toBe(
      '1,190,000.00 元',
    );
    expect(formatOutcome('peopleHelped', { amountFen: null, count: 17 })).toBe('17 人');
    expect(outcomeKinds.wagesRecovered.measure).toBe('amount');
  });
});

describe('clue sources', () => {
  it('a clue sent by the criminal line is 刑检移送 on the receiving side', () => {
    expect(sourceOnReceipt('criminal', 'selfDiscovered')).toBe('criminalTransfer');
    expect(sourceOnReceipt('publicInterest', 'publicReport')).toBe('publicReport');
  });

  it('only pending and assessing clues are open', () => {
    expect(isOpenClue('pending')).toBe(true);
    expect(isOpenClue('assessing')).toBe(true);
    expect(isOpenClue('transferred')).toBe(false);
    expect(isOpenClue('opened')).toBe(false);
  });
});
