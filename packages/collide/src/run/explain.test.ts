import { DuckDBInstance } from '@duckdb/node-api';
import { formatYuan } from '@procura/domain/clean/amount';
import { describe, expect, it } from 'vitest';
import { formatSql, yuanSql } from './explain.ts';

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
});
