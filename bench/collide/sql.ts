/**
 * Prints the DuckDB SQL a model compiles to, to compare it with a hand-written query.
 *   node bench/collide/sql.ts prisoner-subsidy [--as-of 2026-01-01]
 *   node bench/collide/sql.ts ./my-model.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compile, findModel } from '@procura/collide';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string' } },
});
const model = positionals[0] ?? 'prisoner-subsidy';
const spec = model.endsWith('.json') ? JSON.parse(readFileSync(model, 'utf8')) : findModel(model);
if (!spec) {
  console.error(`没有名为 ${model} 的模型`);
  process.exit(1);
}
const compiled = compile(spec, { asOf: values['as-of'] });
if (compiled.errors.length > 0) {
  for (const error of compiled.errors) console.error(`${error.path || '（根）'}：${error.message}`);
  process.exit(1);
}
// the statements run first (suspected matches: the suspects' table), then the query
for (const statement of compiled.setup) console.log(`${statement};\n`);
console.log(`${compiled.sql};`);
