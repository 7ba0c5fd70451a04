import { patrolFindingKindIds, patrolKindIds } from '@procura/domain/states';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clues, departments, users } from './core.ts';
import { oneOf } from './one-of.ts';

/** 网络巡查: a dated patrol of one online platform (外卖平台, 药品网售平台) by a department. */
export const patrols = pgTable(
  'patrols',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    kind: text('kind', { enum: patrolKindIds }).notNull(),
    platform: text('platform').notNull(),
    /** Who patrolled (names as written, e.g. 张三、李四). */
    patrolledBy: text('patrolled_by').notNull(),
    patrolledOn: date('patrolled_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('patrols_department_idx').on(t.departmentId, t.patrolledOn),
    oneOf('patrols', t.kind, patrolKindIds),
  ],
);

/** One shop found in a patrol, with what is wrong; becomes a clue (clue_id) in one step. */
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    patrolId: integer('patrol_id')
      .notNull()
      .references(() => patrols.id),
    shopName: text('shop_name').notNull(),
    link: text('link'),
    /** Platform + link (or name), normalised: findings with the same key are the same shop. */
    shopKey: text('shop_key').notNull(),
    kind: text('kind', { enum: patrolFindingKindIds }).notNull(),
    note: text('note'),
    clueId: integer('clue_id').references(() => clues.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('patrol_findings_patrol_idx').on(t.patrolId),
    index('patrol_findings_shop_key_idx').on(t.shopKey),
    uniqueIndex('patrol_findings_clue_key').on(t.clueId),
    oneOf('patrol_findings', t.kind, patrolFindingKindIds),
  ],
);
