import { describe, expect, it } from 'vitest';
import { restsOnJuvenileRecord } from './juvenile-records.ts';
import { validId } from './test-files.ts';

const minorThen = validId('20060601', 55); // 18 on 2024-06-01
const spell = (admitted: string) => ({
  role: 'prisoners',
  file: '服刑人员.csv',
  row: 2,
  values: { idNumber: minorThen, admitted, released: '2025-01-01' },
});
const payment = { role: 'payments', file: '发放.csv', row: 2, values: { paidDate: '2024-08-01' } };

describe('hits resting on a record of something done as a minor (刑事诉讼法 第二百八十六条)', () => {
  it('withholds a hit whose prison spell began before the 18th birthday', () => {
    expect(restsOnJuvenileRecord({ idNumber: minorThen, evidence: [payment, spell('2024-05-31')] })).toBe(
      true,
    );
  });

  it('keeps a hit whose spell began on or after the 18th birthday', () => {
    expect(restsOnJuvenileRecord({ idNumber: minorThen, evidence: [payment, spell('2024-06-01')] })).toBe(
      false,
    );
  });

  it('withholds an offence record dated before the 18th birthday, keeps an undated one', () => {
    const record = (startDate: string | null) => ({
      role: 'records',
      file: '违法犯罪记录.csv',
      row: 3,
      values: { idNumber: minorThen, kind: '猥亵', startDate },
    });
    expect(restsOnJuvenileRecord({ idNumber: minorThen, evidence: [record('2022-01-01')] })).toBe(true);
    expect(restsOnJuvenileRecord({ idNumber: minorThen, evidence: [record(null)] })).toBe(false);
  });

  it('keeps hits without an id number (vehicles) and rows that are not records', () => {
    expect(restsOnJuvenileRecord({ idNumber: null, evidence: [spell('2020-01-01')] })).toBe(false);
    expect(restsOnJuvenileRecord({ idNumber: minorThen, evidence: [payment] })).toBe(false);
  });
});
