import { DuckDBInstance } from '@duckdb/node-api';

/** The query an analyst would write by hand for prisoner-subsidy on clean CSV files. */
export const baselineSql = (payments: string, spells: string) => `
CREATE TABLE payments AS SELECT * FROM read_csv('${payments}', header = true,
  columns = {'id_number': 'VARCHAR', 'name': 'VARCHAR', 'paid_date': 'DATE', 'amount': 'DECIMAL(18,2)'});
CREATE TABLE spells AS SELECT * FROM read_csv('${spells}', header = true,
  columns = {'id_number': 'VARCHAR', 'name': 'VARCHAR', 'admitted': 'DATE', 'released': 'DATE'});
CREATE TABLE hits AS
SELECT p.id_number, count(*) AS payments, sum(p.amount) AS amount
FROM payments AS p
WHERE EXISTS (
  SELECT 1 FROM spells AS s
  WHERE s.id_number = p.id_number
    AND p.paid_date >= s.admitted AND (s.released IS NULL OR p.paid_date <= s.released))
GROUP BY p.id_number;`;

/** Runs the hand-written baseline; returns subject → { count, fen }. */
export async function runBaseline(payments: string, spells: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(baselineSql(payments, spells));
    const reader = await connection.runAndReadAll(
      'SELECT id_number, payments::INTEGER, (amount * 100)::BIGINT FROM hits',
    );
    const hits = new Map<string, { count: number; fen: number }>();
    for (const [id, count, fen] of reader.getRows())
      hits.set(String(id), { count: Number(count), fen: Number(fen) });
    return hits;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
