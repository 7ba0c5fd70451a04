import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDate, cleanDate, daysFromParts, isoFromDays } from './date.ts';
import { cleanMonth } from './month.ts';

describe('cleanDate', () => {
  it.each([
    ['2022-03-05', '2022-03-05'],
    ['2022/3/5', '2022-03-05'],
    ['2022年3月5日', '2022-03-05'],
    ['2022年03月05日', '2022-03-05'],
    ['20220305', '2022-03-05'],
    ['2022.03.05', '2022-03-05'],
    ['  2022-3-5 ', '2022-03-05'],
    ['２０２２－０３－０５', '2022-03-05'],
    ['2022-03-05 14:30:00', '2022-03-05'],
    ['2022/3/5 8:00', '2022-03-05'],
    ['2022-03-05T00:00:00', '2022-03-05'],
    ['44625', '2022-03-05'],
    [44625, '2022-03-05'],
    [44625.75, '2022-03-05'],
    [20220305, '2022-03-05'],
    [new Date(Date.UTC(2022, 2, 5)), '2022-03-05'],
    [61, '1900-03-01'],
    ['2024年2月29日', '2024-02-29'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanDate(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '日期为空'],
    [null, '日期为空'],
    ['2023-02-29', '不是可识别的日期'],
    ['2022-13-01', '不是可识别的日期'],
    ['2022-03', '不是可识别的日期'],
    ['三月五日', '不是可识别的日期'],
    ['2022-03-05-01', '不是可识别的日期'],
    ['1234567', '不是可识别的日期'],
    [new Date('x'), '日期无效'],
  ])('refuses %s (%s)', (raw, reason) => {
    const result = cleanDate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('formats in Chinese', () => expect(chineseDate(daysFromParts(2022, 3, 5)!)).toBe('2022年3月5日'));

  it('every date written in any accepted form cleans to the same day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2060-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = isoFromDays(Math.floor(date.getTime() / 86_400_000));
          const [y, m, d] = iso.split('-');
          const forms = [
            iso,
            `${y}/${+m!}/${+d!}`,
            `${y}年${+m!}月${+d!}日`,
            `${y}${m}${d}`,
            `${y}.${m}.${d}`,
          ];
          for (const form of forms) expect(cleanDate(form)).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });
});

describe('cleanMonth', () => {
  it.each([
    ['2022-03', '2022-03'],
    ['2022年3月', '2022-03'],
    ['2022年03月', '2022-03'],
    ['2022年3月份', '2022-03'],
    ['202203', '2022-03'],
    [202203, '2022-03'],
    ['2022/3', '2022-03'],
    ['2022.03', '2022-03'],
    ['2022-03-31', '2022-03'],
    ['2022年3月5日', '2022-03'],
    [44625, '2022-03'],
    [new Date(Date.UTC(2022, 2, 1)), '2022-03'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanMonth(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '月份为空'],
    ['2022-13', '不是可识别的月份'],
    ['2022年', '不是可识别的月份'],
    ['三月', '不是可识别的月份'],
  ])('refuses %s', (raw, reason) => {
    const result = cleanMonth(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
