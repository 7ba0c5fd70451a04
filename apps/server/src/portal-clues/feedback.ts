import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { organisationKinds } from '@procura/domain/portal';
import { portalClueFields } from '@procura/domain/portal-clues';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { sealedFrom } from '../juvenile/scope.ts';
import { portalOriginOf } from './chain.ts';
import type { TCluePortalOrigin, TPortalFeedbackBody } from './schema.ts';

const { clues, departments, organisations, portalClueFeedback, users } = schema;

/** The clue as GET /api/clues/:id reaches it: 404 when missing, out of reach or sealed from the user. */
async function reachClue(db: Executor, id: number, user: SessionUser, lock = false) {
  const query = db.select().from(clues).where(eq(clues.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !reaches(user, row) || (await sealedFrom(db, user, row.caseId))) throw notFound('线索');
  return row;
}

async function presentOrigin(db: Executor, clueId: number): Promise<TCluePortalOrigin> {
  const sent = await portalOriginOf(db, clueId);
  if (!sent) return { origin: null };
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sent.organisationId));
  const [sender] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, sent.sentBy));
  const feedback = await db
    .select({
      id: portalClueFeedback.id,
      text: portalClueFeedback.text,
      at: portalClueFeedback.writtenAt,
      writtenBy: users.displayName,
      department: departments.name,
    })
    .from(portalClueFeedback)
    .innerJoin(users, eq(users.id, portalClueFeedback.writtenBy))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(portalClueFeedback.portalClueId, sent.id))
    .orderBy(portalClueFeedback.writtenAt, portalClueFeedback.id);
  return {
    origin: {
      portalClueId: sent.id,
      organisation: {
        id: organisation!.id,
        name: organisation!.name,
        kindLabel: organisationKinds[organisation!.kind],
      },
      field: sent.field,
      fieldLabel: portalClueFields[sent.field].label,
      sentAt: sent.sentAt.toISOString(),
      sentBy: sender?.name ?? '',
      feedback: feedback.map((f) => ({ ...f, at: f.at.toISOString(), department: f.department ?? '' })),
    },
  };
}

/** Inside: the organisation that sent this clue (or the clue it was transferred from) on the portal. */
export async function getCluePortalOrigin(
  db: Executor,
  id: number,
  user: SessionUser,
): Promise<TCluePortalOrigin> {
  await reachClue(db, id, user);
  return presentOrigin(db, id);
}

/**
 * 反馈: free text to the organisation that sent the clue, shown on its portal with the date and
 * the department (never the writer's name). The decision itself reaches the portal without it.
 */
export async function writePortalFeedback(
  database: Database,
  options: { id: number; input: TPortalFeedbackBody; user: SessionUser; ip: string | null },
): Promise<TCluePortalOrigin> {
  const { id, input, user } = options;
  return database.db.transaction(async (tx) => {
    await reachClue(tx, id, user, true);
    const sent = await portalOriginOf(tx, id);
    if (!sent) throw new DomainError('VALIDATION', '该线索不是外部单位经门户移送的，无需向外部单位反馈');
    const [written] = await tx
      .insert(portalClueFeedback)
      .values({ portalClueId: sent.id, clueId: id, text: input.text, writtenBy: user.id, writtenAt: now() })
      .returning({ id: portalClueFeedback.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.portalFeedback',
      targetType: 'clue',
      targetId: id,
      ip: options.ip,
      // The text stays out of the audit log (it may name people); the feedback row keeps it.
      detail: { portalClueId: sent.id, organisationId: sent.organisationId, feedbackId: written!.id },
    });
    return presentOrigin(tx, id);
  });
}
