import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { and, eq, sql } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';

const { organisations, organisationAccounts, users } = schema;

/** The admin binds one more existing 外部单位 account to an organisation (an account acts for one). */
export async function bindAccount(
  database: Database,
  options: { organisationId: number; username: string; user: SessionUser; ip: string | null },
) {
  const { organisationId, username, user } = options;
  await database.db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) throw notFound('外部单位');
    const [account] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    if (!account) throw new DomainError('VALIDATION', `账号「${username}」不存在`);
    if (account.role !== 'organisation')
      throw new DomainError('VALIDATION', `账号「${username}」不是外部单位账号，不能绑定到外部单位`);
    const [bound] = await tx
      .select({ organisationId: organisationAccounts.organisationId })
      .from(organisationAccounts)
      .where(eq(organisationAccounts.userId, account.id));
    if (bound?.organisationId === organisationId)
      throw new DomainError('CONFLICT', `账号「${username}」已绑定本单位`);
    if (bound) throw new DomainError('CONFLICT', `账号「${username}」已绑定其他外部单位，请先解除绑定`);
    await tx.insert(organisationAccounts).values({ userId: account.id, organisationId });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'organisation.bindAccount',
      targetType: 'organisation',
      targetId: organisationId,
      ip: options.ip,
      detail: { userId: account.id, username },
    });
  });
}

/** The admin unbinds an account: it then reaches no organisation's records until bound again. */
export async function unbindAccount(
  database: Database,
  options: { organisationId: number; userId: number; user: SessionUser; ip: string | null },
) {
  const { organisationId, userId, user } = options;
  await database.db.transaction(async (tx) => {
    const removed = await tx
      .delete(organisationAccounts)
      .where(
        and(eq(organisationAccounts.organisationId, organisationId), eq(organisationAccounts.userId, userId)),
      )
      .returning({ id: organisationAccounts.id });
    if (removed.length === 0) throw notFound('账号绑定');
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'organisation.unbindAccount',
      targetType: 'organisation',
      targetId: organisationId,
      ip: options.ip,
      detail: { userId },
    });
  });
}
