import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { pilCheckResults } from '@procura/domain/pil-mechanisms';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { reachCase } from '../hearings/load.ts';
import { notifyUsers } from '../notifications/recipients.ts';
import { organisationOf } from './portal-suggestions.ts';
import type { TConsultationOrganisations, TPortalConsultation } from './replies-schema.ts';

const { pilConsultations, consultationOrganisations: links, organisations, organisationAccounts } = schema;

/** The organisations linked to a consultation the caller reaches (404 like a missing one otherwise). */
async function reachConsultation(tx: Executor, consultationId: number, user: SessionUser, lock = false) {
  const [found] = await tx.select().from(pilConsultations).where(eq(pilConsultations.id, consultationId));
  if (!found) throw notFound('磋商记录');
  try {
    await reachCase(tx, found.caseId, user, { lock });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('磋商记录');
    throw error;
  }
  return found;
}

async function linkedOrganisations(
  db: Executor,
  consultationId: number,
): Promise<TConsultationOrganisations> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(links)
    .innerJoin(organisations, eq(organisations.id, links.organisationId))
    .where(eq(links.consultationId, consultationId))
    .orderBy(asc(organisations.name));
  return { consultationId, organisations: rows };
}

export async function getConsultationOrganisations(db: Executor, consultationId: number, user: SessionUser) {
  await reachConsultation(db, consultationId, user);
  return linkedOrganisations(db, consultationId);
}

/**
 * The caseworkers pick the organisations that took part in a 磋商 (a round table is not shown on
 * the portal): each then sees its date, what was agreed and the action's deadline. Replaces the list.
 */
export async function setConsultationOrganisations(
  database: Database,
  options: { consultationId: number; organisationIds: number[]; user: SessionUser; ip: string | null },
): Promise<TConsultationOrganisations> {
  const { consultationId, user } = options;
  const wanted = [...new Set(options.organisationIds)];
  return database.db.transaction(async (tx) => {
    const consultation = await reachConsultation(tx, consultationId, user, true);
    if (consultation.kind !== 'consultation' && wanted.length)
      throw new DomainError('VALIDATION', '圆桌会议不在外部单位门户展示，只有诉前磋商可以关联外部单位');
    const known = wanted.length
      ? await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, wanted))
      : [];
    if (known.length !== wanted.length) throw notFound('外部单位');
    const before = await tx.select().from(links).where(eq(links.consultationId, consultationId));
    const beforeIds = before.map((l) => l.organisationId);
    const removed = beforeIds.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !beforeIds.includes(id));
    if (removed.length)
      await tx
        .delete(links)
        .where(and(eq(links.consultationId, consultationId), inArray(links.organisationId, removed)));
    for (const organisationId of added)
      await tx.insert(links).values({ consultationId, organisationId, createdBy: user.id });
    if (added.length) {
      const accounts = await tx
        .select({ userId: organisationAccounts.userId })
        .from(organisationAccounts)
        .where(inArray(organisationAccounts.organisationId, added));
      await notifyUsers(
        tx,
        accounts.map((a) => a.userId),
        {
          actorId: user.id,
          kind: 'consultationShared',
          text: `检察院登记了 ${consultation.heldOn} 与本单位的诉前磋商，约定整改期限 ${consultation.actionDueOn ?? '—'}`,
          link: '/portal/consultations',
        },
      );
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'consultation.organisations',
      targetType: 'case',
      targetId: consultation.caseId,
      ip: options.ip,
      detail: { consultationId, added, removed },
    });
    return linkedOrganisations(tx, consultationId);
  });
}

function present(row: typeof pilConsultations.$inferSelect): TPortalConsultation {
  return {
    id: row.id,
    heldOn: row.heldOn,
    bodies: row.bodies,
    topic: row.topic,
    agreed: row.agreed,
    actionDueOn: row.actionDueOn,
    checkedOn: row.checkedOn,
    checkResultLabel: row.checkResult ? pilCheckResults[row.checkResult] : null,
  };
}

/** The consultations the caller's organisation took part in, newest first. */
export async function listPortalConsultations(db: Executor, user: SessionUser) {
  const organisationId = await organisationOf(db, user);
  if (organisationId === null) return { items: [] };
  const rows = await db
    .select({ row: pilConsultations })
    .from(links)
    .innerJoin(pilConsultations, eq(pilConsultations.id, links.consultationId))
    .where(and(eq(links.organisationId, organisationId), eq(pilConsultations.kind, 'consultation')))
    .orderBy(desc(pilConsultations.heldOn), desc(pilConsultations.id));
  return { items: rows.map((r) => present(r.row)) };
}

/** One consultation of the caller's organisation; another's or a missing one answers the same 404. */
export async function getPortalConsultation(db: Executor, id: number, user: SessionUser) {
  const organisationId = await organisationOf(db, user);
  if (organisationId === null) throw notFound('磋商记录');
  const [found] = await db
    .select({ row: pilConsultations })
    .from(links)
    .innerJoin(pilConsultations, eq(pilConsultations.id, links.consultationId))
    .where(
      and(
        eq(links.consultationId, id),
        eq(links.organisationId, organisationId),
        eq(pilConsultations.kind, 'consultation'),
      ),
    );
  if (!found) throw notFound('磋商记录');
  return { consultation: present(found.row), organisationId };
}
