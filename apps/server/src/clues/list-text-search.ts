import type { Executor } from '@procura/db';
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { escapeLike } from '../audit/list-audit.ts';

/**
 * Free-text search of a list, in two parts:
 * - substring: every word of the query (split on spaces) appears in one of the columns, ILIKE with
 *   `%` and `_` escaped, so what the user types is literal;
 * - similarity: pg_trgm word similarity of the whole query to a text column (`q <% column`, served
 *   by the trigram GIN indexes), for near misses such as 骗取绿化补贴资金 → 骗取绿植补贴资金. Only for
 *   queries of at least four Chinese characters: a number, a case number or a short word is
 *   matched exactly, never "about".
 * Substring matches rank first, then by similarity, then the list's own order.
 */
export interface TextSearch {
  where: SQL;
  /** Substring matches 1 + the best word similarity; undefined without the similarity part. */
  rank: SQL<number> | undefined;
  /** Whether the similarity part is on (the threshold must then be set: withTextSearch). */
  fuzzy: boolean;
}

/** Word-similarity threshold: roughly "shares two trigrams with a phrase of five or six characters". */
export const wordSimilarityThreshold = 0.25;
const minCjkForSimilarity = 4;
const maxTerms = 8;

export function textSearch(
  q: string,
  options: {
    /** The table's id column: matches are collected as sets of ids. */
    id: PgColumn;
    table: PgTable;
    /** Columns matched as substrings. */
    substring: PgColumn[];
    /** Text columns compared by similarity (each needs a gin_trgm_ops index to stay fast). */
    similar: PgColumn[];
    /** Ids matching a single term some other way (a party's name, an id number…). */
    extraIds?: (pattern: string, term: string) => SQL;
  },
): TextSearch {
  const { id, table } = options;
  const terms = q.split(/\s+/).filter(Boolean).slice(0, maxTerms);
  // Each arm is its own indexable query (a GIN bitmap scan); an OR of arms in one WHERE would make
  // the planner scan the whole table and run every arm on every row.
  const termSets = terms.map((term) => {
    const pattern = `%${escapeLike(term)}%`;
    // LIKE where case cannot matter (Chinese, digits): same answer, without lower-casing each row.
    const like = term.toLowerCase() === term.toUpperCase() ? sql`like` : sql`ilike`;
    const arms = options.substring.map(
      (column) => sql`select ${id} from ${table} where ${column} ${like} ${pattern}`,
    );
    if (options.extraIds) arms.push(options.extraIds(pattern, term));
    return sql.join(arms, sql` union `);
  });
  const substringIds = sql.join(
    termSets.map((set) => sql`(${set})`),
    sql` intersect `,
  );
  const fuzzy = (q.match(/\p{Script=Han}/gu)?.length ?? 0) >= minCjkForSimilarity;
  if (!fuzzy) return { where: sql`${id} in (${substringIds})`, rank: undefined, fuzzy };
  const similarIds = options.similar.map((column) => sql`select ${id} from ${table} where ${q} <% ${column}`);
  const score = sql.join(
    options.similar.map((column) => sql`word_similarity(${q}, ${column})`),
    sql`, `,
  );
  return {
    where: sql`${id} in (${sql.join([sql`(${substringIds})`, ...similarIds], sql` union `)})`,
    rank: sql<number>`(case when ${id} in (${substringIds}) then 1 else 0 end + greatest(${score}))`,
    fuzzy,
  };
}

/**
 * Runs `run` with the word-similarity threshold set for its queries only (local settings in a
 * transaction); without the similarity part it runs as is. Sequential scans are discouraged there
 * too: the planner prices `<%` like any operator, but on Chinese text it costs ~15 µs a row, so a
 * seq scan of 100,000 cases took 1.7 s where the trigram index answers in 60 ms (bench/lists).
 */
export async function withTextSearch<T>(
  db: Executor,
  search: TextSearch | undefined,
  run: (db: Executor) => Promise<T>,
): Promise<T> {
  if (!search?.fuzzy) return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(wordSimilarityThreshold)}, true),
                 set_config('enable_seqscan', 'off', true)`,
    );
    return run(tx);
  });
}
