import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';

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

export type SessionLookup =
  | { status: 'missing' }
  | { status: 'expired' }
  | { status: 'active'; userId: number; sessionId: string };

export async function lookupSession(db: Executor, token: string, now = new Date()): Promise<SessionLookup> {
  const id = tokenId(token);
  const [session] = await db.select().from(schema.sessions).where(eq(schema.sessions.id, id));
  if (!session) return { status: 'missing' };
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor > idleTimeoutMs) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, id));
    return { status: 'expired' };
  }
  if (idleFor > touchEveryMs) {
    await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.id, id));
  }
  return { status: 'active', userId: session.userId, sessionId: id };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

/** After a password reset or when a user is disabled, every open session of theirs ends. */
export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}
