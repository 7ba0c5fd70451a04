import type { Database } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from './load-user.ts';
import { deleteSession } from './sessions.ts';

/** Ends a session and records it; the route clears the cookie. */
export async function logout(
  database: Database,
  options: { sessionId: string; user: SessionUser; ip: string | null },
): Promise<void> {
  const { user } = options;
  await database.db.transaction(async (tx) => {
    await deleteSession(tx, options.sessionId);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'auth.logout',
      targetType: 'user',
      targetId: user.id,
      ip: options.ip,
    });
  });
}
