import { describe, expect, it } from 'vitest';
import { cite } from './basis.ts';
import { limits } from './limits.ts';

const marks = (text: string) => text.split('待核实').length - 1;

describe('cite: the one way a legal basis is shown', () => {
  it('an unverified rule reads as its name with a single 待核实 mark', () => {
    const shown = cite(limits.caseHandlingToSuggestion.basis);
    expect(shown).toBe('2018 公益诉讼办案指南；2021《人民检察院公益诉讼办案规则》（待核实）');
  });

  it('a verified article reads as law and article, without a mark', () => {
    expect(cite(limits.preLitigationSuggestionReply.basis)).toBe(
      '最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释第二十一条第二款',
    );
  });

  it('every limit and a basis stored with the old marks show 待核实 at most once', () => {
    for (const limit of Object.values(limits)) {
      const shown = cite(limit.basis);
      expect(marks(shown), shown).toBe(limit.basis.verified ? 0 : 1);
      expect(shown).not.toContain('条文待核实');
    }
    const stored = { law: '食品安全法（待核实，条文号未核实）', article: '条文待核实', verified: false };
    expect(cite(stored)).toBe('食品安全法（待核实）');
  });

  it('says what an article provides in brackets when given', () => {
    expect(
      cite({ law: '行政诉讼法', article: '第二十五条第四款', verified: true, about: '国有财产保护' }),
    ).toBe('行政诉讼法第二十五条第四款（国有财产保护）');
  });
});
