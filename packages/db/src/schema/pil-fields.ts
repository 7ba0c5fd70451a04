import { protectedObjectKindIds } from '@procura/domain/states';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases, users } from './core.ts';
import { oneOf } from './one-of.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 保护对象: a site or object public-interest cases protect (全国重点文物保护单位 孟知祥墓…). */
export const protectedObjects = pgTable(
  'protected_objects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: protectedObjectKindIds }).notNull(),
    /** 保护级别 as the designation reads: 全国重点文物保护单位, 省级…; null: none. */
    protectionLevel: text('protection_level'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('protected_objects_name_key').on(t.name),
    oneOf('protected_objects', t.kind, protectedObjectKindIds),
  ],
);

/** The objects a case protects. */
export const caseProtectedObjects = pgTable(
  'case_protected_objects',
  {
    // A single-column key: backups page through every table by one (packages/db/src/backup.ts).
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    objectId: integer('object_id')
      .notNull()
      .references(() => protectedObjects.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('case_protected_objects_case_object_idx').on(t.caseId, t.objectId),
    index('case_protected_objects_object_idx').on(t.objectId),
  ],
);
