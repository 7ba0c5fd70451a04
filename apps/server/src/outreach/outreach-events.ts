import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { recordReach } from '@procura/domain/policy';
import { and, count, desc, eq, gte, ilike, lte, or, type SQL, sum } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import {
  outreachKinds,
  type TOutreachBody,
  type TOutreachEvent,
  type TOutreachFilter,
  type TOutreachList,
  type TOutreachPatch,
  type TOutreachQuery,
} from './schema.ts';

const { outreachEvents: events, departments, users, partnerSchools } = schema;

/** Events are shared across departments (class-case suggestions and white papers cite them). */
export function outreachWhere(filter: TOutreachFilter): SQL | undefined {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    filter.kind ? eq(events.kind, filter.kind) : undefined,
    filter.from ? gte(events.heldOn, filter.from) : undefined,
    filter.to ? lte(events.heldOn, filter.to) : undefined,
    filter.departmentId ? eq(events.departmentId, filter.departmentId) : undefined,
    pattern
      ? or(ilike(events.title, pattern), ilike(events.place, pattern), ilike(events.audience, pattern))
      : undefined,
  );
}

export async function loadOutreachEvents(
  db: Executor,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const query = db
    .select({
      event: events,
      department: { id: departments.id, name: departments.name },
      school: { id: partnerSchools.id, name: partnerSchools.name },
      createdBy: users.displayName,
    })
    .from(events)
    .innerJoin(departments, eq(departments.id, events.departmentId))
    .innerJoin(users, eq(users.id, events.createdBy))
    .leftJoin(partnerSchools, eq(partnerSchools.id, events.schoolId))
    .where(where)
    .orderBy(desc(events.heldOn), desc(events.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(
    (r): TOutreachEvent => ({
      id: r.event.id,
      kind: r.event.kind,
      kindLabel: outreachKinds[r.event.kind],
      title: r.event.title,
      heldOn: r.event.heldOn,
      place: r.event.place,
      audience: r.event.audience,
      participantCount: r.event.participantCount,
      materials: r.event.materials,
      school: r.school?.id ? r.school : null,
      department: r.department,
      createdBy: r.createdBy,
      createdAt: r.event.createdAt.toISOString(),
    }),
  );
}

export async function listOutreachEvents(db: Executor, query: TOutreachQuery): Promise<TOutreachList> {
  const where = outreachWhere(query);
  const [items, [totals]] = await Promise.all([
    loadOutreachEvents(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    db
      .select({ n: count(), people: sum(events.participantCount) })
      .from(events)
      .where(where),
  ]);
  return { items, total: Number(totals?.n ?? 0), participants: Number(totals?.people ?? 0) };
}

async function assertSchool(db: Executor, schoolId: number | null | undefined): Promise<void> {
  if (!schoolId) return;
  const [school] = await db
    .select({ id: partnerSchools.id })
    .from(partnerSchools)
    .where(eq(partnerSchools.id, schoolId));
  if (!school) throw new DomainError('VALIDATION', `对接学校 ${schoolId} 不存在`);
}

export async function createOutreachEvent(
  database: Database,
  options: { input: TOutreachBody; user: SessionUser; ip: string | null },
): Promise<TOutreachEvent> {
  const { input, user } = options;
  if (!user.department) throw forbidden('只有所在部门的工作人员可以登记活动');
  const departmentId = user.department.id;
  const id = await database.db.transaction(async (tx) => {
    await assertSchool(tx, input.schoolId);
    const [row] = await tx
      .insert(events)
      .values({ ...input, schoolId: input.schoolId ?? null, departmentId, createdBy: user.id })
      .returning({ id: events.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'outreach.create',
      targetType: 'outreachEvent',
      targetId: row!.id,
      ip: options.ip,
      detail: {
        kind: input.kind,
        title: input.title,
        heldOn: input.heldOn,
        participantCount: input.participantCount,
      },
    });
    return row!.id;
  });
  return (await loadOutreachEvents(database.db, eq(events.id, id)))[0]!;
}

/** The department that held an event corrects it; the chief and deputies any. */
export async function updateOutreachEvent(
  database: Database,
  options: { id: number; input: TOutreachPatch; user: SessionUser; ip: string | null },
): Promise<TOutreachEvent> {
  const { id, input, user } = options;
  await database.db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    if (!event) throw notFound('活动');
    if (recordReach(user.role) !== 'all' && event.departmentId !== user.department?.id) {
      throw forbidden('只能修改本部门登记的活动');
    }
    await assertSchool(tx, input.schoolId);
    if (Object.keys(input).length > 0) {
      await tx
        .update(events)
        .set({ ...input, updatedAt: now() })
        .where(eq(events.id, id));
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'outreach.update',
      targetType: 'outreachEvent',
      targetId: id,
      ip: options.ip,
      detail: { ...input },
    });
  });
  return (await loadOutreachEvents(database.db, eq(events.id, id)))[0]!;
}
