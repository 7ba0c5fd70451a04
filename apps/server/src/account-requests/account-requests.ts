import { type Database, type Executor, schema } from '@procura/db';
import { leadershipRoles, roleLabels, type TRole } from '@procura/domain/roles';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AuditActor, actorOf, recordAudit } from '../audit/record-audit.ts';
import { unlockAccount } from '../auth/failed-attempts.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { assertDepartmentExists } from '../users/create-user.ts';
import { recordMembership } from '../users/memberships.ts';
import {
  accountRequestKindLabels,
  type TAccountRequest,
  type TAccountRequestDecided,
  type TAccountRequestDecision,
} from './schema.ts';

const { accountRequests, users, departments } = schema;

export const isLeadershipRole = (role: TRole) => leadershipRoles.includes(role);

export const pendingMessage = '涉及检察长、副检察长、部门负责人账号，已提交检察长审批；批准后生效';

type TKind = TAccountRequest['kind'];

/**
 * The administrator's creation or elevation of a leadership account, or reset of its password,
 * recorded as a request for the chief: nothing changes until the chief approves. No password is
 * taken from the administrator: on approval one is generated and shown to the chief only, so the
 * administrator never knows a leader's password. The chiefs are notified.
 */
export async function requestAccountChange(
  database: Database,
  options: {
    kind: TKind;
    userId: number | null;
    username: string;
    displayName: string;
    role: TRole;
    departmentId: number | null;
    actor: AuditActor & { id: number };
    ip: string | null;
  },
): Promise<TAccountRequest> {
  const id = await database.db.transaction(async (tx) => {
    // Two admins asking for the same thing at once: the second waits and sees the first.
    await tx.execute(sql`select pg_advisory_xact_lock(7311)`);
    await assertDepartmentExists(tx, options.departmentId);
    if (options.kind === 'create') await assertUsernameFree(tx, options.username);
    const [pending] = await tx
      .select({ id: accountRequests.id })
      .from(accountRequests)
      .where(
        and(
          eq(accountRequests.status, 'pending'),
          sql`lower(${accountRequests.username}) = lower(${options.username})`,
        ),
      );
    if (pending) {
      throw new DomainError('CONFLICT', `账号 ${options.username} 已有待检察长审批的申请，请等待审批结果`);
    }
    const [created] = await tx
      .insert(accountRequests)
      .values({
        kind: options.kind,
        userId: options.userId,
        username: options.username,
        displayName: options.displayName,
        role: options.role,
        departmentId: options.departmentId,
        requestedBy: options.actor.id,
      })
      .returning({ id: accountRequests.id });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'accountRequest.create',
      targetType: 'accountRequest',
      targetId: created!.id,
      ip: options.ip,
      detail: {
        kind: options.kind,
        userId: options.userId,
        username: options.username,
        role: options.role,
        departmentId: options.departmentId,
      },
    });
    const chiefs = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'chief'), eq(users.disabled, false)));
    const text = `${options.actor.name}申请${accountRequestKindLabels[options.kind]}：${options.displayName}（${options.username}，${roleLabels[options.role]}），请审批`;
    for (const chief of chiefs) {
      await notify(tx, { userId: chief.id, kind: 'accountRequest', text, link: '/account-requests' });
    }
    return created!.id;
  });
  return (await getAccountRequest(database.db, id))!;
}

async function assertUsernameFree(tx: Executor, username: string): Promise<void> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (existing) throw new DomainError('USERNAME_TAKEN', `用户名 ${username} 已被使用`);
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function selectRequests(db: Executor) {
  return db
    .select({ request: accountRequests, department: departments, requester, decider })
    .from(accountRequests)
    .innerJoin(requester, eq(requester.id, accountRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, accountRequests.decidedBy))
    .leftJoin(departments, eq(departments.id, accountRequests.departmentId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

function present(row: Row): TAccountRequest {
  const { request } = row;
  const kind = request.kind;
  const role = request.role;
  return {
    id: request.id,
    kind,
    kindLabel: accountRequestKindLabels[kind],
    status: request.status,
    userId: request.userId,
    username: request.username,
    displayName: request.displayName,
    role,
    roleLabel: roleLabels[role],
    department: row.department ? { id: row.department.id, name: row.department.name } : null,
    requestedBy: row.requester.displayName,
    requestedAt: request.requestedAt.toISOString(),
    decidedBy: row.decider?.displayName ?? null,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    note: request.note,
  };
}

export async function getAccountRequest(db: Executor, id: number): Promise<TAccountRequest | null> {
  const [row] = await selectRequests(db).where(eq(accountRequests.id, id));
  return row ? present(row) : null;
}

export async function listAccountRequests(
  db: Executor,
  status: 'pending' | 'all',
): Promise<TAccountRequest[]> {
  const rows = await selectRequests(db)
    .where(status === 'pending' ? eq(accountRequests.status, 'pending') : undefined)
    .orderBy(desc(accountRequests.id))
    .limit(200);
  return rows.map(present);
}

/** The chief approves (the change is made, a password generated where one is needed) or rejects. */
export async function decideAccountRequest(
  database: Database,
  options: {
    id: number;
    decision: TAccountRequestDecision;
    user: Pick<SessionUser, 'id' | 'displayName'>;
    ip: string | null;
  },
): Promise<TAccountRequestDecided> {
  const { decision } = options;
  const actor = actorOf(options.user);
  const password = decision.approve ? generatePassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  await database.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(accountRequests)
      .where(eq(accountRequests.id, options.id))
      .for('update');
    if (!request) throw notFound('账号审批申请');
    if (request.status !== 'pending') throw new DomainError('CONFLICT', '该申请已审批，不能重复审批');
    if (request.userId === actor.id) throw new DomainError('FORBIDDEN', '涉及本人账号的申请不能由本人审批');
    const audit = (action: string, targetType: string, targetId: number, detail: Record<string, unknown>) =>
      recordAudit(tx, { actor, action, targetType, targetId, ip: options.ip, detail });
    let userId = request.userId;
    if (decision.approve) {
      if (request.kind === 'create') {
        await assertUsernameFree(tx, request.username);
        const [created] = await tx
          .insert(users)
          .values({
            username: request.username,
            displayName: request.displayName,
            role: request.role,
            departmentId: request.departmentId,
            passwordHash: passwordHash!,
            mustChangePassword: true,
          })
          .returning({ id: users.id });
        userId = created!.id;
        await recordMembership(tx, userId, request.departmentId);
        await audit('user.create', 'user', userId, {
          username: request.username,
          role: request.role,
          departmentId: request.departmentId,
          accountRequestId: request.id,
        });
      } else {
        const [target] = await tx.select().from(users).where(eq(users.id, userId!)).for('update');
        if (!target) throw notFound('用户');
        if (request.kind === 'elevate') {
          await tx
            .update(users)
            .set({ role: request.role, departmentId: request.departmentId })
            .where(eq(users.id, target.id));
          await recordMembership(tx, target.id, request.departmentId);
          await audit('user.update', 'user', target.id, {
            from: { role: target.role, departmentId: target.departmentId },
            to: { role: request.role, departmentId: request.departmentId },
            accountRequestId: request.id,
          });
        } else {
          await tx
            .update(users)
            .set({ passwordHash: passwordHash!, mustChangePassword: true, passwordChangedAt: new Date() })
            .where(eq(users.id, target.id));
          await unlockAccount(tx, target.id);
          await deleteUserSessions(tx, target.id);
          await audit('user.resetPassword', 'user', target.id, { accountRequestId: request.id });
        }
      }
    }
    await tx
      .update(accountRequests)
      .set({
        status: decision.approve ? 'approved' : 'rejected',
        userId,
        decidedBy: actor.id,
        decidedAt: now(),
        note: decision.note || null,
      })
      .where(eq(accountRequests.id, request.id));
    await audit(
      decision.approve ? 'accountRequest.approve' : 'accountRequest.reject',
      'accountRequest',
      request.id,
      {
        kind: request.kind,
        username: request.username,
        role: request.role,
        ...(decision.note ? { note: decision.note } : {}),
      },
    );
    const label = accountRequestKindLabels[request.kind];
    await notify(tx, {
      userId: request.requestedBy,
      kind: 'accountRequest',
      text: `检察长已${decision.approve ? '批准' : '驳回'}${label}申请：${request.displayName}（${request.username}）${decision.note ? `，意见：${decision.note}` : ''}`,
      link: null,
    });
  });
  const accountRequest = (await getAccountRequest(database.db, options.id))!;
  // The password exists only for a creation or a reset that was approved.
  const shown = decision.approve && accountRequest.kind !== 'elevate' ? password : null;
  return { accountRequest, password: shown };
}
