import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { organisationKinds } from '@procura/domain/portal';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { expectState, lockSuggestion } from '../suggestions/lock-suggestion.ts';
import type { TCreateOrganisationBody } from './schema.ts';

const { organisations, organisationAccounts, suggestionRecipients, users } = schema;

export async function listOrganisations(db: Executor) {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.name));
  const accounts = rows.length
    ? await db
        .select({
          organisationId: organisationAccounts.organisationId,
          id: users.id,
          username: users.username,
          displayName: users.displayName,
        })
        .from(organisationAccounts)
        .innerJoin(users, eq(users.id, organisationAccounts.userId))
        .where(
          inArray(
            organisationAccounts.organisationId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      kindLabel: organisationKinds[o.kind],
      accounts: accounts
        .filter((a) => a.organisationId === o.id)
        .map(({ id, username, displayName }) => ({ id, username, displayName })),
    })),
  };
}

/** The admin records an organisation and binds existing 外部单位 accounts to it (one organisation each). */
export async function createOrganisation(
  database: Database,
  options: { input: TCreateOrganisationBody; user: SessionUser; ip: string | null },
): Promise<number> {
  const { input, user } = options;
  return database.db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, input.name));
    if (same) throw new DomainError('CONFLICT', `外部单位「${input.name}」已存在`);
    const userIds: number[] = [];
    for (const username of new Set(input.usernames ?? [])) {
      const [account] = await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
      if (!account) throw new DomainError('VALIDATION', `账号「${username}」不存在`);
      if (account.role !== 'organisation')
        throw new DomainError('VALIDATION', `账号「${username}」不是外部单位账号，不能绑定到外部单位`);
      const [bound] = await tx
        .select({ id: organisationAccounts.id })
        .from(organisationAccounts)
        .where(eq(organisationAccounts.userId, account.id));
      if (bound) throw new DomainError('CONFLICT', `账号「${username}」已绑定其他外部单位`);
      userIds.push(account.id);
    }
    const [created] = await tx
      .insert(organisations)
      .values({ name: input.name, kind: input.kind, createdBy: user.id })
      .returning({ id: organisations.id });
    const organisationId = created!.id;
    for (const userId of userIds) await tx.insert(organisationAccounts).values({ userId, organisationId });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: organisationId,
      ip: options.ip,
      detail: { name: input.name, kind: input.kind, userIds },
    });
    return organisationId;
  });
}

/**
 * The case's caseworkers address a suggestion to an organisation on the portal. Allowed until the
 * organisation has opened it (its read receipt is the delivery and cannot be moved elsewhere).
 */
export async function addressToOrganisation(
  database: Database,
  options: { suggestionId: number; organisationId: number; user: SessionUser; ip: string | null },
) {
  const { suggestionId, organisationId, user } = options;
  return database.db.transaction(async (tx) => {
    const { suggestion } = await lockSuggestion(tx, suggestionId, user);
    const [current] = await tx
      .select()
      .from(suggestionRecipients)
      .where(eq(suggestionRecipients.suggestionId, suggestionId))
      .for('update');
    // Said before the state check: opening it is what delivered it.
    if (current?.readAt) throw new DomainError('CONFLICT', '该单位已在门户签收此检察建议，不能改送其他单位');
    expectState(suggestion.state, ['draft', 'pendingApproval', 'approved', 'issued'], '指定门户送达单位');
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) throw notFound('外部单位');
    if (current) {
      await tx
        .update(suggestionRecipients)
        .set({ organisationId })
        .where(eq(suggestionRecipients.id, current.id));
    } else {
      await tx.insert(suggestionRecipients).values({ suggestionId, organisationId, createdBy: user.id });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'suggestion.addressOrganisation',
      targetType: 'suggestion',
      targetId: suggestionId,
      ip: options.ip,
      detail: { caseId: suggestion.caseId, organisationId, previous: current?.organisationId ?? null },
    });
    return {
      suggestionId,
      organisation: { id: organisation.id, name: organisation.name },
      readAt: null,
    };
  });
}
