import type { Database } from '@procura/db';

/** What the cockpit counts besides cases and clues, derived in bulk from the seeded cases. */
export async function seedWork(database: Database): Promise<void> {
  const chief = (await database.query<{ id: number }>(`select id from users where username = 'chief'`))[0]!
    .id;
  // One suggestion on every fifth case: issued a week after opening, most replied, some rectified.
  await database.query(
    `insert into suggestions (case_id, kind, state, issued_at, reply_on, rectification, created_by)
     select id, 'general', case when id % 3 = 0 then 'issued' else 'replied' end,
            opened_at + interval '7 days',
            case when id % 3 = 0 then null else (opened_at + interval '50 days')::date end,
            case when id % 3 = 0 then null when id % 2 = 0 then 'fullyRectified' else 'notRectified' end,
            $1
       from cases where id % 5 = 0`,
    [chief],
  );
  // A suit filed on every 25th case; a money outcome on every 10th, people helped on every 20th.
  await database.query(
    `insert into case_events (case_id, kind, at, actor_name) select id, 'suitFiled', opened_at + interval '90 days', '演示' from cases where id % 25 = 0`,
  );
  await database.query(
    `insert into case_outcomes (case_id, kind, amount_fen, recorded_by, created_at)
     select id, 'stateAssetsRecovered', (id % 997) * 10000, $1, opened_at + interval '60 days' from cases where id % 10 = 0`,
    [chief],
  );
  await database.query(
    `insert into case_outcomes (case_id, kind, count, recorded_by, created_at)
     select id, 'peopleHelped', 1 + id % 17, $1, opened_at + interval '60 days' from cases where id % 20 = 0`,
    [chief],
  );
  // A deadline on every case, due a month after opening; one in eight completed late or still open.
  await database.query(
    `insert into deadlines (case_id, limit_id, name, start_on, due_on, state, basis, explanation, completed_on)
     select id, 'bench', '办案期限', opened_at::date, (opened_at + interval '30 days')::date, 'running', '{}'::jsonb, '基准测试',
            case when id % 8 = 0 then null else (opened_at + interval '25 days')::date end
       from cases`,
  );
  // Every tenth clue came from a model.
  await database.query(`update clues set source = 'dataModel' where id % 10 = 0`);
}
