import { organisationKindIds } from '@procura/domain/states';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { suggestions, users } from './core.ts';
import { oneOf } from './one-of.ts';

// 外部单位门户 (issue 15): outside organisations, the accounts acting for them, and the suggestions
// addressed to them with the electronic delivery (read receipt).

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 外部单位: an administrative organ, a court, a 人社/司法行政/教育/民政 body… */
export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: organisationKindIds }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisations_name_key').on(t.name),
    oneOf('organisations', t.kind, organisationKindIds),
  ],
);

/** Which organisation an account of role `organisation` acts for (exactly one per account). */
export const organisationAccounts = pgTable(
  'organisation_accounts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisation_accounts_user_key').on(t.userId),
    index('organisation_accounts_organisation_idx').on(t.organisationId),
  ],
);

/**
 * The organisation a suggestion is addressed to on the portal; `readAt` is the first opening by
 * one of its accounts (the electronic delivery that starts the reply deadline).
 */
export const suggestionRecipients = pgTable(
  'suggestion_recipients',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: integer('read_by').references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('suggestion_recipients_suggestion_key').on(t.suggestionId),
    index('suggestion_recipients_organisation_idx').on(t.organisationId),
  ],
);
