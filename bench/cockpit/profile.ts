/**
 * Times each cockpit metric alone (chief, one year), to see which statement costs what.
 *   node bench/cockpit/profile.ts [--cases 100000] [--clues 20000]
 */
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '@procura/db';
import { initialise } from '../../apps/server/src/bootstrap/initialise.ts';
import { casesOpened } from '../../apps/server/src/cockpit/metrics/funnel.ts';
import { allMetrics } from '../../apps/server/src/cockpit/metrics/index.ts';
import { measure } from '../../apps/server/src/cockpit/metrics/measure.ts';
import { seedCases, seedClues } from '../lists/seed.ts';
import { seedWork } from './seed-work.ts';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100000' }, clues: { type: 'string', default: '20000' } },
});
const database = await openDatabase({ inMemory: true });
await migrate(database);
await initialise(database, { demo: true });
await seedCases(database, Number(values.cases));
await seedClues(database, Number(values.clues));
await seedWork(database);
await database.query('analyze');
const period = { from: '2026-01-01', to: '2027-01-01' };
const scope = { departmentId: null, listsSealed: false };
const run = async (label: string, fn: () => Promise<unknown>) => {
  await fn();
  const start = performance.now();
  await fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
};
for (const metric of allMetrics)
  await run(metric.id, () => measure(database.db, metric, { period, scope, today: '2026-11-25' }));
await run('casesOpened by month × department × line × type × stage', () =>
  measure(database.db, casesOpened, {
    period,
    scope,
    today: '2026-11-25',
    dims: ['month', 'department', 'line', 'type', 'stage'],
  }),
);
const { loadUser } = await import('../../apps/server/src/auth/load-user.ts');
const { buildCockpit } = await import('../../apps/server/src/cockpit/build-cockpit.ts');
const chiefId = (await database.query<{ id: number }>(`select id from users where username = 'chief'`))[0]!
  .id;
const chief = (await loadUser(database.db, chiefId))!;
await run('buildCockpit (chief, year)', () => buildCockpit(database.db, chief, period));
await database.close();
