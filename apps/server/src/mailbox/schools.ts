import { randomBytes } from 'node:crypto';
import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { asc, count, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertJuvenileRecord, assertJuvenileStaff, reachesJuvenile } from './juvenile-reach.ts';
import {
  schoolKinds,
  type TCreateSchoolBody,
  type TPartnerSchool,
  type TUpdateSchoolBody,
} from './schema.ts';

const { partnerSchools, schoolAccounts, users, mailboxLetters } = schema;

/** 128 random bits: the link cannot be guessed, so a school's mailbox is reached only from its QR code. */
export const newMailboxToken = () => randomBytes(16).toString('base64url');

export const mailboxPathOf = (token: string) => `/campus-mailbox/${token}`;

export async function listSchools(db: Executor, user: SessionUser): Promise<{ items: TPartnerSchool[] }> {
  if (!(await reachesJuvenile(db, user))) return { items: [] };
  const rows = await db
    .select({
      school: partnerSchools,
      account: { id: users.id, username: users.username, displayName: users.displayName },
    })
    .from(partnerSchools)
    .leftJoin(schoolAccounts, eq(schoolAccounts.schoolId, partnerSchools.id))
    .leftJoin(users, eq(users.id, schoolAccounts.userId))
    .orderBy(asc(partnerSchools.name));
  const letters = await db
    .select({ schoolId: mailboxLetters.schoolId, n: count() })
    .from(mailboxLetters)
    .groupBy(mailboxLetters.schoolId);
  const lettersOf = new Map(letters.map((l) => [l.schoolId, Number(l.n)]));
  // A school has at most one row here per linked account; the list shows the first.
  const seen = new Set<number>();
  const items: TPartnerSchool[] = [];
  for (const row of rows) {
    if (seen.has(row.school.id)) continue;
    seen.add(row.school.id);
    items.push(present(row.school, row.account?.id ? row.account : null, lettersOf.get(row.school.id) ?? 0));
  }
  return { items };
}

function present(
  school: typeof partnerSchools.$inferSelect,
  account: TPartnerSchool['account'],
  letters: number,
): TPartnerSchool {
  const kind = school.kind;
  return {
    id: school.id,
    name: school.name,
    kind,
    kindLabel: schoolKinds[kind],
    mailboxOpen: school.mailboxOpen,
    mailboxPath: mailboxPathOf(school.mailboxToken),
    account,
    letters,
    createdAt: school.createdAt.toISOString(),
  };
}

async function getSchool(db: Executor, id: number, user: SessionUser): Promise<TPartnerSchool> {
  const found = (await listSchools(db, user)).items.find((s) => s.id === id);
  if (!found) throw notFound('对接学校');
  return found;
}

/** The account to link: it must exist, have the school role and not act for another school. */
async function accountToLink(tx: Executor, username: string, schoolId: number | null): Promise<number> {
  const [account] = await tx.select().from(users).where(eq(users.username, username));
  if (!account) throw new DomainError('VALIDATION', `账号 ${username} 不存在，请先请系统管理员创建`);
  if (account.role !== 'school') {
    throw new DomainError('VALIDATION', `账号 ${username} 不是“学校（幼儿园）账号”角色，不能关联学校`);
  }
  const [linked] = await tx.select().from(schoolAccounts).where(eq(schoolAccounts.userId, account.id));
  if (linked && linked.schoolId !== schoolId) {
    throw new DomainError('CONFLICT', `账号 ${username} 已关联其他学校`);
  }
  return account.id;
}

async function nameTaken(tx: Executor, name: string, except: number | null): Promise<void> {
  const [same] = await tx
    .select({ id: partnerSchools.id })
    .from(partnerSchools)
    .where(eq(partnerSchools.name, name));
  if (same && same.id !== except) throw new DomainError('CONFLICT', `对接学校“${name}”已存在`);
}

export async function createSchool(
  database: Database,
  options: { input: TCreateSchoolBody; user: SessionUser; ip: string | null },
): Promise<TPartnerSchool> {
  const { input, user } = options;
  await assertJuvenileStaff(database.db, user, '对接学校');
  const id = await database.db.transaction(async (tx) => {
    await nameTaken(tx, input.name, null);
    const [created] = await tx
      .insert(partnerSchools)
      .values({ name: input.name, kind: input.kind, mailboxToken: newMailboxToken(), createdBy: user.id })
      .returning({ id: partnerSchools.id });
    const schoolId = created!.id;
    if (input.accountUsername) {
      const userId = await accountToLink(tx, input.accountUsername, null);
      await tx.insert(schoolAccounts).values({ userId, schoolId });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'school.create',
      targetType: 'partnerSchool',
      targetId: schoolId,
      ip: options.ip,
      detail: { name: input.name, kind: input.kind, account: input.accountUsername ?? null },
    });
    return schoolId;
  });
  return getSchool(database.db, id, user);
}

export async function updateSchool(
  database: Database,
  options: { id: number; input: TUpdateSchoolBody; user: SessionUser; ip: string | null },
): Promise<TPartnerSchool> {
  const { id, input, user } = options;
  await assertJuvenileRecord(database.db, user, '对接学校');
  await database.db.transaction(async (tx) => {
    const [school] = await tx.select().from(partnerSchools).where(eq(partnerSchools.id, id)).for('update');
    if (!school) throw notFound('对接学校');
    if (input.name) await nameTaken(tx, input.name, id);
    const changes = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.mailboxOpen === undefined ? {} : { mailboxOpen: input.mailboxOpen }),
    };
    if (Object.keys(changes).length > 0) {
      await tx.update(partnerSchools).set(changes).where(eq(partnerSchools.id, id));
    }
    if (input.accountUsername !== undefined) {
      const userId = input.accountUsername ? await accountToLink(tx, input.accountUsername, id) : null;
      await tx.delete(schoolAccounts).where(eq(schoolAccounts.schoolId, id));
      if (userId) await tx.insert(schoolAccounts).values({ userId, schoolId: id });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'school.update',
      targetType: 'partnerSchool',
      targetId: id,
      ip: options.ip,
      detail: { ...input },
    });
  });
  return getSchool(database.db, id, user);
}

/** A new link (and QR code) when the old one leaked or was posted where it should not be. */
export async function renewMailboxLink(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<TPartnerSchool> {
  const { id, user } = options;
  await assertJuvenileRecord(database.db, user, '对接学校');
  await database.db.transaction(async (tx) => {
    const updated = await tx
      .update(partnerSchools)
      .set({ mailboxToken: newMailboxToken() })
      .where(eq(partnerSchools.id, id))
      .returning({ id: partnerSchools.id });
    if (updated.length === 0) throw notFound('对接学校');
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'school.renewMailboxLink',
      targetType: 'partnerSchool',
      targetId: id,
      ip: options.ip,
    });
  });
  return getSchool(database.db, id, user);
}

/** The school of a public link, while its mailbox is open. */
/** What a token looks like (newMailboxToken: 22 base64url characters; older ones up to 64). */
const tokenShape = /^[A-Za-z0-9_-]{16,64}$/;

/** The open school of a public link; an unknown, closed or malformed link gets the same answer. */
export async function schoolByToken(db: Executor, token: string) {
  const invalid = () => new DomainError('NOT_FOUND', '信箱链接无效或已停用，请向学校老师索取新的二维码');
  if (!tokenShape.test(token)) throw invalid();
  const [school] = await db.select().from(partnerSchools).where(eq(partnerSchools.mailboxToken, token));
  if (!school?.mailboxOpen) throw invalid();
  return school;
}

/** The school an account of role 学校 acts for. */
export async function schoolOfAccount(db: Executor, userId: number) {
  const [row] = await db
    .select({ id: partnerSchools.id, name: partnerSchools.name })
    .from(schoolAccounts)
    .innerJoin(partnerSchools, eq(partnerSchools.id, schoolAccounts.schoolId))
    .where(eq(schoolAccounts.userId, userId));
  if (!row) throw new DomainError('FORBIDDEN', '本账号尚未关联学校，请联系检察院未检部门');
  return row;
}
