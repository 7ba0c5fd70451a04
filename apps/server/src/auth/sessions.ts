import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { presentSessionUser, type SessionUser, sessionUserColumns } from './load-user.ts';

export const sessionCookie = 'procura_session';
export const idleTimeoutMs = 30 * 60 * 1000;
/** Writing last_seen_at on every request would turn each read into a write. */
const touchEveryMs = 60 * 1000;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Executor,
  options: { userId: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(schema.sessions).values({
    id: tokenId(token),
    userId: options.userId,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * The session of a cookie and its user, in one statement: every authenticated request runs it,
 * and on the embedded database each statement costs its own turn on the one connection.
 */
export async function lookupSessionUser(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<
  { status: 'missing' } | { status: 'expired' } | { status: 'active'; sessionId: string; user: SessionUser }
> {
  const id = tokenId(token);
  const [row] = await db
    .select({ lastSeenAt: schema.sessions.lastSeenAt, user: sessionUserColumns })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .leftJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId))
    .where(eq(schema.sessions.id, id));
  if (!row) return { status: 'missing' };
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (idleFor > idleTimeoutMs) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, id));
    return { status: 'expired' };
  }
  if (idleFor > touchEveryMs) {
    await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.id, id));
  }
  return { status: 'active', sessionId: id, user: presentSessionUser(row.user) };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

/** After a password reset or when a user is disabled, every open session of theirs ends. */
export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}
