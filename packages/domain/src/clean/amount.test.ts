import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanAmount, formatYuan } from './amount.ts';
import { cleanName } from './name.ts';
import { cleanVehicleCode } from './vehicle.ts';

describe('cleanAmount (fen)', () => {
  it.each([
    ['680', 68000],
    ['1,200.50', 120050],
    ['￥680.00', 68000],
    ['¥680', 68000],
    ['1.2万', 1200000],
    ['1.2万元', 1200000],
    ['680元', 68000],
    ['６８０', 68000],
    ['１，２００．５', 120050],
    [' 0.1 ', 10],
    ['.5', 50],
    ['12,345,678.9', 1234567890],
    ['人民币 300', 30000],
    ['680.000', 68000],
    [680, 68000],
    [0.1 + 0.2, 30],
    [1200.5, 120050],
    ['0', 0],
  ])('%s → %i fen', (raw, fen) => {
    expect(cleanAmount(raw)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', '金额为空'],
    [null, '金额为空'],
    ['-680', '为负数'],
    [-1, '为负数'],
    ['(680)', '为负数'],
    ['680.005', '精确到分以下'],
    ['12,34', '千分位逗号'],
    ['六百八十', '不是数字'],
    ['1.2.3', '不是数字'],
  ])('refuses %s (%s)', (raw, reason) => {
    const result = cleanAmount(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('formats yuan with thousands separators', () => {
    expect(formatYuan(340000)).toBe('3,400.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-150)).toBe('-1.50');
    expect(formatYuan(-50)).toBe('-0.50');
    expect(formatYuan(-123456789)).toBe('-1,234,567.89');
    expect(() => formatYuan(1.5)).toThrow('整数');
  });

  it('printing fen as yuan and cleaning it back is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => {
        expect(cleanAmount(formatYuan(fen))).toEqual({ ok: true, value: fen });
        expect(cleanAmount(`￥${(fen / 100).toFixed(2)}`)).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('cleanName', () => {
  it.each([
    [' 张三 ', '张三'],
    ['张 三', '张三'],
    ['张\u3000三', '张三'],
    ['阿卜杜•热合曼', '阿卜杜·热合曼'],
    ['阿卜杜・热合曼', '阿卜杜·热合曼'],
    ['阿卜杜．热合曼', '阿卜杜·热合曼'],
    ['阿卜杜.热合曼', '阿卜杜·热合曼'],
  ])('%s → %s', (raw, expected) => expect(cleanName(raw)).toEqual({ ok: true, value: expected }));

  it('refuses a blank name', () => expect(cleanName(' \u3000')).toEqual({ ok: false, reason: '姓名为空' }));
});

describe('cleanVehicleCode', () => {
  it.each([
    ['川a·12345', '川A12345'],
    [' lsvaa4180e2 123456 ', 'LSVAA4180E2123456'],
    ['ＬＳＶ-123', 'LSV123'],
  ])('%s → %s', (raw, expected) => expect(cleanVehicleCode(raw)).toEqual({ ok: true, value: expected }));
  it('refuses blanks and stray symbols', () => {
    expect(cleanVehicleCode('')).toEqual({ ok: false, reason: '号码为空' });
    expect(cleanVehicleCode('AB#1').ok).toBe(false);
  });
});
