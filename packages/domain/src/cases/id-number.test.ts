import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, idNumberProblem, normaliseIdNumber } from './id-number.ts';

describe('公民身份号码', () => {
  it('accepts valid numbers, including an X check character', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
  });

  it('explains what is wrong', () => {
    expect(idNumberProblem('11010519491231002')).toContain('18 位');
    expect(idNumberProblem('11010519491231002x')).toContain('大写 X');
    expect(idNumberProblem('110105194902300021')).toContain('出生日期 19490230');
    expect(idNumberProblem('110105194912310021')).toBe('公民身份号码校验位不正确');
  });

  it('normalises case and spaces', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('property: a computed check character always validates; any other fails', () => {
    const digits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 })
      .map((d) => d.join(''));
    const birth = fc.date({ min: new Date('1930-01-01'), max: new Date('2025-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(digits, birth, digits, fc.constantFrom(...'0123456789X'), (area, date, sequence, other) => {
        const first17 = `510${area}${date.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
        const check = idNumberCheckCharacter(first17);
        expect(idNumberProblem(first17 + check)).toBeNull();
        if (other !== check) expect(idNumberProblem(first17 + other)).not.toBeNull();
      }),
    );
  });
});
