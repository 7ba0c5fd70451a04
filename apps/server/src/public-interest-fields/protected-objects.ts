import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { isPilCaseType, protectedObjectKinds } from '@procura/domain/public-interest-fields';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadCases } from '../cases/present-case.ts';
import { reachCondition } from '../cases/record-reach.ts';
import { DomainError, notFound } from '../errors.ts';
import { notSealedFor } from '../juvenile/scope.ts';
import { reachCase } from './fields.ts';
import type {
  TProtectedObject,
  TProtectedObjectBody,
  TProtectedObjectDetail,
  TProtectedObjectPatch,
} from './schema.ts';

const { protectedObjects, caseProtectedObjects: links, cases, clues } = schema;

type ObjectRow = typeof protectedObjects.$inferSelect;

function present(row: ObjectRow, caseCount: number): TProtectedObject {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: protectedObjectKinds[row.kind],
    protectionLevel: row.protectionLevel,
    caseCount,
  };
}

/** The cases a user reaches (and is not sealed from) that name each object. */
function casesInReach(user: SessionUser): SQL | undefined {
  return and(reachCondition(user, cases), notSealedFor(user, cases.id));
}

async function countCases(
  db: Executor,
  user: SessionUser,
  objectIds: number[],
): Promise<Map<number, number>> {
  if (objectIds.length === 0) return new Map();
  const rows = await db
    .select({ objectId: links.objectId, n: count() })
    .from(links)
    .innerJoin(cases, eq(cases.id, links.caseId))
    .where(and(inArray(links.objectId, objectIds), casesInReach(user)))
    .groupBy(links.objectId);
  return new Map(rows.map((r) => [r.objectId, Number(r.n)]));
}

/** 保护对象 list: every object (a site is not personal data), with the cases in reach per object. */
export async function listProtectedObjects(db: Executor, user: SessionUser): Promise<TProtectedObject[]> {
  const rows = await db.select().from(protectedObjects).orderBy(asc(protectedObjects.name));
  const counts = await countCases(
    db,
    user,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, counts.get(r.id) ?? 0));
}

/** One object with the cases about it that the user reaches, newest first. */
export async function getProtectedObject(
  db: Executor,
  id: number,
  user: SessionUser,
): Promise<TProtectedObjectDetail> {
  const [row] = await db.select().from(protectedObjects).where(eq(protectedObjects.id, id));
  if (!row) throw notFound('保护对象');
  const ids = await db
    .select({ id: cases.id })
    .from(links)
    .innerJoin(cases, eq(cases.id, links.caseId))
    .where(and(eq(links.objectId, id), casesInReach(user)))
    .orderBy(desc(cases.openedAt), desc(cases.id));
  const list = await loadCases(
    db,
    ids.map((r) => r.id),
  );
  const clueRows =
    ids.length === 0
      ? []
      : await db
          .select({ id: clues.id, title: clues.title, receivedAt: clues.receivedAt, caseId: clues.caseId })
          .from(clues)
          .where(
            and(
              inArray(
                clues.caseId,
                ids.map((r) => r.id),
              ),
              reachCondition(user, clues),
            ),
          )
          .orderBy(desc(clues.receivedAt), desc(clues.id));
  return {
    ...present(row, list.length),
    cases: list,
    clues: clueRows.map((c) => ({ ...c, caseId: c.caseId!, receivedAt: c.receivedAt.toISOString() })),
  };
}

export async function createProtectedObject(
  database: Database,
  options: { input: TProtectedObjectBody; user: SessionUser; ip: string | null },
): Promise<TProtectedObject> {
  const { input, user, ip } = options;
  return database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: protectedObjects.id })
      .from(protectedObjects)
      .where(eq(protectedObjects.name, input.name));
    if (existing) throw new DomainError('CONFLICT', `保护对象“${input.name}”已登记`);
    const [row] = await tx
      .insert(protectedObjects)
      .values({
        name: input.name,
        kind: input.kind,
        protectionLevel: input.protectionLevel ?? null,
        createdBy: user.id,
      })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'protectedObject.create',
      targetType: 'protectedObject',
      targetId: row!.id,
      ip,
      detail: { name: input.name, kind: input.kind, protectionLevel: input.protectionLevel ?? null },
    });
    return present(row!, 0);
  });
}

/** The objects a case names, by name. */
export async function caseProtectedObjects(db: Executor, caseId: number, user: SessionUser) {
  await reachCase(db, caseId, user);
  const rows = await db
    .select({ object: protectedObjects })
    .from(links)
    .innerJoin(protectedObjects, eq(protectedObjects.id, links.objectId))
    .where(eq(links.caseId, caseId))
    .orderBy(asc(protectedObjects.name));
  const counts = await countCases(
    db,
    user,
    rows.map((r) => r.object.id),
  );
  return rows.map((r) => present(r.object, counts.get(r.object.id) ?? 0));
}

/** Sets the objects a public-interest case names (replacing the previous set); audited. */
export async function setCaseProtectedObjects(
  database: Database,
  options: { caseId: number; objectIds: number[]; user: SessionUser; ip: string | null },
) {
  const { caseId, user, ip } = options;
  const objectIds = [...new Set(options.objectIds)];
  await database.db.transaction(async (tx) => {
    const row = await reachCase(tx, caseId, user);
    if (!isPilCaseType(row.type)) throw new DomainError('VALIDATION', '只有公益诉讼案件登记保护对象');
    if (objectIds.length > 0) {
      const found = await tx
        .select({ id: protectedObjects.id })
        .from(protectedObjects)
        .where(inArray(protectedObjects.id, objectIds));
      if (found.length !== objectIds.length) throw notFound('保护对象');
    }
    const before = await tx.select({ id: links.objectId }).from(links).where(eq(links.caseId, caseId));
    await tx.delete(links).where(eq(links.caseId, caseId));
    if (objectIds.length > 0)
      await tx.insert(links).values(objectIds.map((objectId) => ({ caseId, objectId })));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.setProtectedObjects',
      targetType: 'case',
      targetId: caseId,
      ip,
      detail: { from: before.map((b) => b.id), to: objectIds },
    });
  });
  return caseProtectedObjects(database.db, caseId, user);
}

/** 修改保护对象: its name (still unique), kind or protection level; audited with old and new. */
export async function updateProtectedObject(
  database: Database,
  options: { id: number; input: TProtectedObjectPatch; user: SessionUser; ip: string | null },
): Promise<TProtectedObject> {
  const { id, input, user, ip } = options;
  await database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(protectedObjects).where(eq(protectedObjects.id, id)).for('update');
    if (!row) throw notFound('保护对象');
    if (input.name && input.name !== row.name) {
      const [taken] = await tx
        .select({ id: protectedObjects.id })
        .from(protectedObjects)
        .where(eq(protectedObjects.name, input.name));
      if (taken) throw new DomainError('CONFLICT', `保护对象“${input.name}”已登记`);
    }
    const change = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.protectionLevel !== undefined ? { protectionLevel: input.protectionLevel } : {}),
    };
    await tx.update(protectedObjects).set(change).where(eq(protectedObjects.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'protectedObject.update',
      targetType: 'protectedObject',
      targetId: id,
      ip,
      detail: {
        from: { name: row.name, kind: row.kind, protectionLevel: row.protectionLevel },
        to: change,
      },
    });
  });
  const [row] = await database.db.select().from(protectedObjects).where(eq(protectedObjects.id, id));
  return present(row!, (await countCases(database.db, user, [id])).get(id) ?? 0);
}

/** Removes one object from a case (the case no longer names it); audited like setting them. */
export async function removeCaseProtectedObject(
  database: Database,
  options: { caseId: number; objectId: number; user: SessionUser; ip: string | null },
) {
  const { caseId, objectId, user, ip } = options;
  await database.db.transaction(async (tx) => {
    await reachCase(tx, caseId, user);
    const removed = await tx
      .delete(links)
      .where(and(eq(links.caseId, caseId), eq(links.objectId, objectId)))
      .returning({ id: links.objectId });
    if (removed.length === 0) throw notFound('案件的保护对象');
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'case.removeProtectedObject',
      targetType: 'case',
      targetId: caseId,
      ip,
      detail: { objectId },
    });
  });
  return caseProtectedObjects(database.db, caseId, user);
}
