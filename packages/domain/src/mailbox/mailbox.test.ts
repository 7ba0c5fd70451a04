import { describe, expect, it } from 'vitest';
import { formatPickupCode, normalisePickupCode, pickupAlphabet } from './pickup-code.ts';
import { classifyTopic } from './topics.ts';
import { detectUrgency, urgentCategoryMatches, urgentReasonText } from './urgency.ts';

describe('urgent words', () => {
  it('flags self-harm even when the writer puts spaces or punctuation between the characters', () => {
    expect(detectUrgency('我最近真的不想活了')).toEqual([{ category: 'selfHarm', word: '不想活' }]);
    expect(detectUrgency('有时候想 自·杀')).toEqual([{ category: 'selfHarm', word: '自杀' }]);
  });

  it('names every category found, in the words the letter used', () => {
    const reasons = detectUrgency('同学天天欺负我，回家爸爸还家暴，有人摸我');
    expect(urgentReasonText(reasons)).toBe('暴力/欺凌（“家暴”“欺负”）、性侵害（“摸我”）');
  });

  it('labels a letter saying 打我 as violence only, not sexual abuse', () => {
    expect(urgentCategoryMatches(detectUrgency('他们放学后总是打我'))).toEqual([
      { category: 'violence', label: '暴力/欺凌', words: ['打我'] },
    ]);
    // A letter stored under the old broad category reads the same.
    expect(urgentReasonText([{ category: 'abuse', word: '打我' }])).toBe('暴力/欺凌（“打我”）');
    expect(urgentReasonText(detectUrgency('爸爸把我关起来'))).toBe('其他紧急（“关起来”）');
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
