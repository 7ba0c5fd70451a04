import { describe, expect, it } from 'vitest';
import { checkNextStep, type StepFacts } from './supported-prosecution-steps.ts';

const review: StepFacts = { kind: 'eligibilityReview', on: '2026-03-01', result: 'eligible' };
const filing: StepFacts = { kind: 'courtFiling', on: '2026-03-20', result: null };

describe('the order of a supported-prosecution case', () => {
  it('needs an eligibility review that found the party eligible before anything else', () => {
    expect(checkNextStep([], { kind: 'courtFiling', on: '2026-03-20', result: null })).toEqual({
      ok: false,
      reason: '请先记录支持起诉条件审查，再记录起诉立案',
    });
    const negative: StepFacts = { ...review, result: 'ineligible' };
    expect(checkNextStep([negative], filing)).toMatchObject({ ok: false });
    expect(checkNextStep([review], filing)).toEqual({ ok: true });
  });

  it('refuses a judgment before the filing, and a date before the previous step naming both', () => {
    expect(checkNextStep([review], { kind: 'judgment', on: '2026-05-01', result: 'upheld' })).toEqual({
      ok: false,
      reason: '尚未起诉立案，不能记录判决',
    });
    expect(checkNextStep([review, filing], { kind: 'judgment', on: '2026-03-10', result: 'upheld' })).toEqual(
      {
        ok: false,
        reason: '判决日期 2026-03-10 早于起诉立案的立案日期 2026-03-20，请核对日期',
      },
    );
  });

  it('settles first (和解优先): no judgment or second filing after a settlement; enforcement follows one', () => {
    const settled: StepFacts = { kind: 'mediation', on: '2026-04-01', result: 'settled' };
    expect(checkNextStep([review, filing], settled)).toEqual({ ok: true });
    expect(
      checkNextStep([review, filing, settled], { kind: 'judgment', on: '2026-04-10', result: 'upheld' }),
    ).toMatchObject({ ok: false, reason: '本案已于 2026-04-01 达成调解（和解）协议，不再判决' });
    expect(
      checkNextStep([review], { kind: 'enforcement', on: '2026-04-10', result: 'enforced' }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      checkNextStep([review, filing, settled], { kind: 'enforcement', on: '2026-04-10', result: 'enforced' }),
    ).toEqual({ ok: true });
  });

  it('takes only the results of its kind', () => {
    expect(
      checkNextStep([review], { kind: 'evidenceCollection', on: '2026-03-02', result: 'settled' }),
    ).toMatchObject({ ok: false });
    expect(
      checkNextStep([], { kind: 'eligibilityReview', on: '2026-03-02', result: 'upheld' }),
    ).toMatchObject({
      ok: false,
      reason: '支持起诉条件审查的结果应为：符合支持起诉条件、不符合支持起诉条件',
    });
  });
});
