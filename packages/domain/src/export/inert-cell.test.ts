import { describe, expect, it } from 'vitest';
import { inertCellText } from './inert-cell.ts';

describe('inertCellText', () => {
  it.each(['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd'])('prefixes %j', (text) => {
    expect(inertCellText(text)).toBe(`'${text}`);
  });

  it.each(['张三', '2026-12-01', '', ' =1', "'=1"])('keeps %j', (text) => {
    expect(inertCellText(text)).toBe(text);
  });
});
