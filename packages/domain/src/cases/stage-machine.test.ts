import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTypeIds, caseTypes, type TCaseType } from './case-types.ts';
import { caseEventKindIds } from './event-kinds.ts';
import { allowedTransitions, checkTransition, suggestionStageMove } from './stage-machine.ts';

describe('allowedTransitions', () => {
  it('adminPublicInterest: investigation → 诉前程序 or 终结, with what each needs', () => {
    expect(allowedTransitions('adminPublicInterest', 'investigation')).toEqual([
      { to: 'preLitigation', label: '诉前程序', requires: ['investigationReport'] },
      { to: 'terminated', label: '终结', requires: ['investigationReport', 'terminationDecision'] },
    ]);
  });

  it('follow-up ends in closure or litigation', () => {
    expect(allowedTransitions('adminPublicInterest', 'followUp').map((t) => t.to)).toEqual([
      'closed',
      'litigation',
    ]);
  });

  it('final and unknown stages lead nowhere', () => {
    for (const type of caseTypeIds) {
      expect(allowedTransitions(type, 'closed')).toEqual([]);
      expect(allowedTransitions(type, 'terminated')).toEqual([]);
      expect(allowedTransitions(type, 'nowhere')).toEqual([]);
    }
  });

  it('adminDisputeResolution closes only with an agreement', () => {
    const close = allowedTransitions('adminDisputeResolution', 'resolution').find((t) => t.to === 'closed');
    expect(close?.requires).toEqual(['resolutionAgreement', 'closureDecision']);
  });
});

describe('checkTransition', () => {
  it('passes when the records exist', () => {
    expect(
      checkTransition('adminPublicInterest', 'investigation', 'preLitigation', ['investigationReport']),
    ).toEqual({
      ok: true,
    });
  });

  it('names every missing record in Chinese', () => {
    const result = checkTransition('adminPublicInterest', 'preLitigation', 'followUp', ['suggestionIssued']);
    expect(result).toEqual({
      ok: false,
      message: '从「诉前程序」转到「跟进监督」前须先记录：「送达检察建议」',
      missing: ['suggestionDelivered'],
    });
    const none = checkTransition('adminPublicInterest', 'preLitigation', 'followUp', []);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain('「制发检察建议」、「送达检察建议」');
  });

  it('transition-specific records are required too', () => {
    const result = checkTransition('adminPublicInterest', 'investigation', 'terminated', [
      'investigationReport',
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.missing).toEqual(['terminationDecision']);
      expect(result.message).toContain('「终结审查决定」');
    }
  });

  it('refuses a jump the type does not allow, listing the allowed ones', () => {
    const result = checkTransition('adminPublicInterest', 'investigation', 'closed', caseEventKindIds);
    expect(result).toEqual({
      ok: false,
      message: '行政公益诉讼案件不能从「立案调查」转到「结案」；可转到：「诉前程序」、「终结」',
      missing: [],
    });
  });

  it('refuses anything out of a final stage', () => {
    const result = checkTransition('adminViolation', 'closed', 'investigation', caseEventKindIds);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('案件已结案，不能再变更阶段');
  });

  it('refuses unknown stages by name', () => {
    const from = checkTransition('supportedSuit', 'appeal', 'review', []);
    expect(from.ok).toBe(false);
    if (!from.ok) expect(from.message).toBe('民事支持起诉案件没有「appeal」阶段');
    const to = checkTransition('supportedSuit', 'review', 'appeal', []);
    if (!to.ok) expect(to.message).toContain('没有「appeal」阶段');
  });

  it('the seed path of an administrative public-interest case runs end to end', () => {
    const recorded: string[] = [];
    const path: [string, string, string[]][] = [
      ['investigation', 'preLitigation', ['investigationReport']],
      ['preLitigation', 'followUp', ['suggestionIssued', 'suggestionDelivered']],
      ['followUp', 'closed', ['replyReceived', 'rectificationChecked', 'closureDecision']],
    ];
    for (const [from, to, records] of path) {
      expect(checkTransition('adminPublicInterest', from, to, recorded).ok).toBe(false);
      recorded.push(...records);
      expect(checkTransition('adminPublicInterest', from, to, recorded)).toEqual({ ok: true });
    }
  });

  const typeArb = fc.constantFrom<TCaseType>(...caseTypeIds);

  it('property: allowed exactly when listed by allowedTransitions and all its records are present', () => {
    fc.assert(
      fc.property(
        typeArb,
        fc.nat(),
        fc.nat(),
        fc.subarray(caseEventKindIds),
        (type, fromIndex, toIndex, recorded) => {
          const stages = caseTypes[type].stages;
          const from = stages[fromIndex % stages.length]!.id;
          const to = stages[toIndex % stages.length]!.id;
          const option = allowedTransitions(type, from).find((o) => o.to === to);
          const result = checkTransition(type, from, to, recorded);
          const expected = Boolean(option?.requires.every((kind) => recorded.includes(kind)));
          expect(result.ok).toBe(expected);
          if (!result.ok) {
            expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
            if (option) expect(result.missing.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('property: with every record present, a random walk always ends in a final stage', () => {
    fc.assert(
      fc.property(typeArb, fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (type, choices) => {
        let stage: string = caseTypes[type].initialStage;
        for (const choice of choices) {
          const options = allowedTransitions(type, stage);
          if (options.length === 0) break;
          const next = options[choice % options.length]!.to;
          expect(checkTransition(type, stage, next, caseEventKindIds).ok).toBe(true);
          stage = next;
        }
        expect(['closed', 'terminated']).toContain(stage);
      }),
    );
  });
});

describe('suggestionStageMove', () => {
  it('a 诉前检察建议 takes a 行政公益诉讼 case from 立案调查 into 诉前程序, once the report is recorded', () => {
    expect(suggestionStageMove('adminPublicInterest', 'investigation', 'preLitigation', [])).toEqual({
      to: 'preLitigation',
      label: '诉前程序',
      missing: ['investigationReport'],
      message: '签发后案件将转入「诉前程序」，签发前须先记录：「调查终结报告」',
    });
    expect(
      suggestionStageMove('adminPublicInterest', 'investigation', 'preLitigation', ['investigationReport']),
    ).toEqual({ to: 'preLitigation', label: '诉前程序', missing: [], message: null });
  });

  it('moves nothing when the case is already there or past it, or for another kind or type', () => {
    expect(suggestionStageMove('adminPublicInterest', 'preLitigation', 'preLitigation', [])).toBeNull();
    expect(suggestionStageMove('adminPublicInterest', 'followUp', 'preLitigation', [])).toBeNull();
    expect(suggestionStageMove('adminPublicInterest', 'investigation', 'socialGovernance', [])).toBeNull();
    expect(suggestionStageMove('supportedSuit', 'review', 'general', [])).toBeNull();
  });

  it('a 检察建议 of a 行政违法行为监督 case moves it into 检察建议', () => {
    expect(
      suggestionStageMove('adminViolation', 'investigation', 'general', ['investigationReport'])?.to,
    ).toBe('suggestion');
  });
});
