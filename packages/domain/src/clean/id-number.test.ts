import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanIdNumber, idBirthDate, idCheckCharacter, idRegion } from './id-number.ts';

// 11010519491231002X is the example of GB 11643-1999.
const valid = '11010519491231002X';

describe('cleanIdNumber', () => {
  it.each([
    [valid, valid],
    [' 110105 19491231 002X ', valid],
    ["'11010519491231002X", valid],
    ['11010519491231002x', valid],
    ['１１０１０５１９４９１２３１００２Ｘ', valid],
    ['１１０１０５１９４９１２３１００２ｘ', valid],
    ['\u3000110105194912310 02X\t', valid],
    ['110105491231002', valid], // 15 digits → 18: century 19 and the check character
    [110105491231002, valid],
  ])('%s → %s', (raw, expected) => {
    const result = cleanIdNumber(raw);
    expect(result).toEqual({ ok: true, value: expected });
  });

  it('keeps an id whose check character is wrong but flags it in Chinese', () => {
    expect(cleanIdNumber('110105194912310021')).toEqual({
      ok: true,
      value: '110105194912310021',
      problem: '身份证号校验位不正确（应为 X）',
    });
  });

  it.each([
    ['', '身份证号为空'],
    [null, '身份证号为空'],
    ['   ', '身份证号为空'],
    ['1101051949123100', '不是 18 位（或 15 位）号码'],
    ['11010519491231002Y', '末位应为数字或 X'],
    ['110105194913310021', '出生日期 19491331 不存在'],
    ['110105190002290021', '出生日期 19000229 不存在'],
    [110105194912310020, '被存成了数字'],
    ['1.10105E+17', '科学计数法'],
  ])('refuses %s (%s)', (raw, reason) => {
    const result = cleanIdNumber(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('extracts birth date and region', () => {
    expect(idBirthDate(valid)).toBe('1949-12-31');
    expect(idRegion(valid)).toBe('110105');
  });
});

const region = fc.constantFrom('110105', '510108', '510104', '440305', '320102');
const birth = fc
  .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('cleanIdNumber properties', () => {
  it('an 18-character id with a valid check character cleans to itself, however it is dressed', () => {
    fc.assert(
      fc.property(region, birth, sequence, fc.boolean(), fc.boolean(), (r, b, s, quoted, spaced) => {
        const first17 = r + b + s;
        const id = first17 + idCheckCharacter(first17);
        const dressed = `${quoted ? "'" : ''}${spaced ? ` ${id.slice(0, 6)} ${id.slice(6)} ` : id.toLowerCase()}`;
        expect(cleanIdNumber(id)).toEqual({ ok: true, value: id });
        expect(cleanIdNumber(dressed)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('a 15-digit id upgrades to 18 with a valid check character and the same birth date', () => {
    fc.assert(
      fc.property(
        region,
        birth.filter((b) => b.startsWith('19')),
        sequence,
        (r, b, s) => {
          const result = cleanIdNumber(r + b.slice(2) + s);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.problem).toBeUndefined();
          expect(result.value).toHaveLength(18);
          expect(idCheckCharacter(result.value.slice(0, 17))).toBe(result.value[17]);
          expect(idBirthDate(result.value).replaceAll('-', '')).toBe(b);
        },
      ),
    );
  });

  it('changing one digit of a valid id is always detected by the check character', () => {
    fc.assert(
      fc.property(region, birth, sequence, fc.integer({ min: 14, max: 16 }), (r, b, s, position) => {
        const first17 = r + b + s;
        const id = first17 + idCheckCharacter(first17);
        const digit = String((Number(id[position]) + 1) % 10);
        const changed = id.slice(0, position) + digit + id.slice(position + 1);
        const result = cleanIdNumber(changed);
        expect(result.ok && result.problem).toContain('校验位不正确');
      }),
    );
  });
});
