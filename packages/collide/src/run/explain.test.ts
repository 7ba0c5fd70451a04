import { DuckDBInstance } from '@duckdb/node-api';
import { formatYuan } from '@procura/domain/clean/amount';
import { describe, expect, it } from 'vitest';
import { formatSql, templateParts, yuanSql } from './explain.ts';

describe('explanations in SQL', () => {
  it('write amounts, dates and months exactly as the rest of the platform does', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const fens = [
        0, 5, 50, 99, 100, 68000, 120050, 340000, 99999999, 100000000, 123456789, -5, -150, -123456789,
      ];
      const reader = await connection.runAndReadAll(
        `SELECT ${yuanSql('x')} FROM (VALUES ${fens.map((fen, i) => `(${fen}::BIGINT, ${i})`).join(', ')}) AS t(x, i) ORDER BY i`,
      );
      expect(reader.getRows().map((row) => row[0])).toEqual(fens.map(formatYuan));
      const dates = await connection.runAndReadAll(
        `SELECT ${formatSql('date', "DATE '2022-03-05'")}, ${formatSql('month', "DATE '2022-11-01'")}, ${formatSql('date', "DATE '2024-12-31'")}`,
      );
      expect(dates.getRows()[0]).toEqual(['2022年3月5日', '2022年11月', '2024年12月31日']);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('write no space beside a Chinese character, whatever spaces the template has around its placeholders', () => {
    const sentence = (template: string, values: Record<string, string>) =>
      templateParts(template)
        .map((part) => (part.placeholder === undefined ? part.text : values[part.placeholder]))
        .join('');
    const spell = {
      name: '张三',
      idNumber: '11010519491231002X',
      spell: '2024年1月5日至2024年6月30日',
      count: '3',
      amount: '2,560.50',
    };
    expect(
      sentence('{name}（{idNumber}）于 {spell} 服刑期间领取补(救)助金 {count} 次，共计 {amount} 元。', spell),
    ).toBe(
      '张三（11010519491231002X）于2024年1月5日至2024年6月30日服刑期间领取补(救)助金3次，共计2,560.50元。',
    );
    // Spaces that separate two values, or sit beside Latin text, are the author's.
    expect(sentence('{name} {idNumber}', spell)).toBe('张三 11010519491231002X');
    expect(sentence('车牌 A {name} B 号', spell)).toBe('车牌 A 张三 B 号');
    expect(sentence('  全句无占位符  ', spell)).toBe('  全句无占位符  ');
  });
});
