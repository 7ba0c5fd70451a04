import { describe, expect, it } from 'vitest';
import { formatPickupCode, normalisePickupCode, pickupAlphabet } from './pickup-code.ts';
import { classifyTopic } from './topics.ts';
import { detectUrgency, urgentReasonText } from './urgency.ts';

describe('urgent words', () => {
  it('flags self-harm even when the writer puts spaces or punctuation between the characters', () => {
    expect(detectUrgency('我最近真的不想活了')).toEqual([{ category: 'selfHarm', word: '不想活' }]);
    expect(detectUrgency('有时候想 自·杀')).toEqual([{ category: 'selfHarm', word: '自杀' }]);
  });

  it('names every category found, in the words the letter used', () => {
    const reasons = detectUrgency('同学天天欺负我，回家爸爸还家暴');
    expect(reasons.map((r) => r.category).sort()).toEqual(['abuse', 'bullying']);
    expect(urgentReasonText(reasons)).toContain('校园欺凌（“欺负”）');
  });

  it('leaves an ordinary question alone', () => {
    expect(detectUrgency('请问未满十六岁可以去奶茶店打工吗？')).toEqual([]);
  });
});

describe('topics', () => {
  it('classifies by the most frequent keywords and falls back to 其他', () => {
    expect(classifyTopic('请问未满十六岁打工违法吗')).toBe('legalQuestion');
    expect(classifyTopic('游戏充值被网上的人诈骗了')).toBe('online');
    expect(classifyTopic('食堂的饭不好吃')).toBe('other');
  });
});

describe('pickup codes', () => {
  it('reads back a code typed in lower case, with spaces or full-width characters', () => {
    const code = 'ABCD2345EFGH6789';
    expect(formatPickupCode(code)).toBe('ABCD-2345-EFGH-6789');
    expect(normalisePickupCode('abcd 2345-efgh 6789')).toBe(code);
    expect(normalisePickupCode('ＡＢＣＤ２３４５ＥＦＧＨ６７８９')).toBe(code);
  });

  it('refuses anything that cannot be a code (wrong length, look-alike characters not in the alphabet)', () => {
    expect(normalisePickupCode('ABCD-2345')).toBeNull();
    expect(normalisePickupCode('ABCD2345EFGH678O')).toBeNull();
    expect(pickupAlphabet).not.toMatch(/[01OIL]/);
  });
});
