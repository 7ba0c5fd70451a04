import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from './case-number.ts';

describe('case numbers', () => {
  it('formats the usual form', () => {
    expect(formatCaseNumber({ shortName: '成华', code: '公益立', year: 2026, seq: 12 })).toBe(
      '成华检公益立〔2026〕12号',
    );
    expect(formatCaseNumber({ shortName: '成华', code: '行违立', year: 2026, seq: 1 })).toBe(
      '成华检行违立〔2026〕1号',
    );
  });

  it.each([
    [{ shortName: '', code: '公益立', year: 2026, seq: 1 }, '院简称'],
    [{ shortName: '成华', code: ' ', year: 2026, seq: 1 }, '代字'],
    [{ shortName: '成华', code: '公益立', year: 26, seq: 1 }, '年份'],
    [{ shortName: '成华', code: '公益立', year: 2026, seq: 0 }, '序号'],
    [{ shortName: '成华', code: '公益立', year: 2026, seq: 1.5 }, '序号'],
  ])('refuses %o', (parts, word) => {
    expect(() => formatCaseNumber(parts)).toThrow(word);
  });

  it('parses what it formats', () => {
    expect(parseCaseNumber('成华检公益立〔2026〕12号')).toEqual({
      shortName: '成华',
      code: '公益立',
      year: 2026,
      seq: 12,
    });
    expect(parseCaseNumber('成华检公益立[2026]12号')).toBeNull();
    expect(parseCaseNumber('成华检公益立〔2026〕0号')).toBeNull();
  });

  it('property: parse(format(x)) = x', () => {
    const chinese = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 4 })
      .map((codes) => String.fromCodePoint(...codes).replaceAll('检', '查'));
    fc.assert(
      fc.property(
        chinese,
        chinese,
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 1e6 }),
        (shortName, code, year, seq) => {
          const parts = { shortName, code, year, seq };
          expect(parseCaseNumber(formatCaseNumber(parts))).toEqual(parts);
        },
      ),
    );
  });
});
