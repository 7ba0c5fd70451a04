import { type Database, type Executor, schema } from '@procura/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { lockOpenPeriod } from './periods.ts';
import type { TStudySessionBody } from './schema.ts';
import { assessmentReach, reachesPerson } from './scope.ts';

const { studySessions: sessions, studyAttendance: attendance, assessmentPointRules: rules, users } = schema;
const { assessmentEntries: entries, departments } = schema;

type Caller = { user: SessionUser; ip: string | null };

/** Roles that are assessed (staff of the procuratorate, not outside accounts). */
const staffRoles = [
  'chief',
  'deputyChief',
  'departmentHead',
  'prosecutor',
  'assistant',
  'clerk',
  'personnel',
] as const;

/** The people a user may propose for or record attendance of: themself, the department, or all. */
export async function listPeople(db: Executor, user: SessionUser) {
  const reach = assessmentReach(user);
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      departmentId: users.departmentId,
      departmentName: departments.name,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(
        eq(users.disabled, false),
        inArray(users.role, [...staffRoles]),
        reach.kind === 'all'
          ? undefined
          : reach.kind === 'department'
            ? eq(users.departmentId, reach.departmentId)
            : eq(users.id, user.id),
      ),
    )
    .orderBy(asc(departments.sortOrder), asc(users.id));
  return rows;
}

/**
 * Records a study session (第一议题, 党组会前学习, 支部研讨) with who attended. Each attendee earns
 * the points of the scheme's rule for that kind at once (recording attendance is the person's
 * confirmation); the rule's cap applies when points are totalled.
 */
export async function createStudySession(database: Database, input: TStudySessionBody, caller: Caller) {
  const { user } = caller;
  const id = await database.db.transaction(async (tx) => {
    const ids = [...new Set(input.attendeeIds)];
    const people = await tx
      .select({ id: users.id, departmentId: users.departmentId })
      .from(users)
      .where(inArray(users.id, ids));
    for (const id of ids) {
      const p = people.find((x) => x.id === id);
      if (!p || !reachesPerson(user, { userId: p.id, departmentId: p.departmentId }))
        throw notFound('参加人员');
    }
    const period = await lockOpenPeriod(tx, input.periodId);
    if (input.heldOn < period.startsOn || input.heldOn > period.endsOn)
      throw new DomainError(
        'VALIDATION',
        `学习日期应在考核周期「${period.name}」之内（${period.startsOn} 至 ${period.endsOn}）`,
      );
    const [session] = await tx
      .insert(sessions)
      .values({
        periodId: input.periodId,
        kind: input.kind,
        title: input.title,
        heldOn: input.heldOn,
        createdBy: user.id,
      })
      .returning({ id: sessions.id });
    await tx.insert(attendance).values(ids.map((userId) => ({ sessionId: session!.id, userId })));
    const [rule] = await tx
      .select()
      .from(rules)
      .where(and(eq(rules.periodId, input.periodId), eq(rules.trigger, input.kind)));
    if (rule)
      await tx.insert(entries).values(
        people.map((p) => ({
          periodId: input.periodId,
          userId: p.id,
          departmentId: p.departmentId,
          kind: 'partyPoints' as const,
          status: 'approved' as const,
          origin: 'study' as const,
          ruleId: rule.id,
          title: `参加学习：${input.title}`,
          points: rule.points,
          occurredOn: input.heldOn,
          recordType: 'studySession' as const,
          recordId: session!.id,
          sourceKey: `study:${session!.id}:${p.id}`,
          proposedBy: user.id,
          decidedBy: user.id,
          decidedAt: now(),
          effectiveOn: input.heldOn,
        })),
      );
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'assessment.study.create',
      targetType: 'studySession',
      targetId: session!.id,
      ip: caller.ip,
      detail: { kind: input.kind, attendees: ids, ruleId: rule?.id ?? null },
    });
    return session!.id;
  });
  const [session] = await listStudySessions(database.db, input.periodId, user, id);
  return session!;
}

/** Sessions of a period with their attendees in the user's reach. */
export async function listStudySessions(db: Executor, periodId: number, user: SessionUser, onlyId?: number) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.periodId, periodId), onlyId ? eq(sessions.id, onlyId) : undefined))
    .orderBy(desc(sessions.heldOn), desc(sessions.id));
  if (rows.length === 0) return [];
  const attendees = await db
    .select({
      sessionId: attendance.sessionId,
      id: users.id,
      name: users.displayName,
      departmentId: users.departmentId,
    })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .where(
      inArray(
        attendance.sessionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.id));
  const ruleRows = await db
    .select({ trigger: rules.trigger, points: rules.points })
    .from(rules)
    .where(eq(rules.periodId, periodId));
  return rows.map((s) => ({
    id: s.id,
    periodId: s.periodId,
    kind: s.kind,
    title: s.title,
    heldOn: s.heldOn,
    attendees: attendees
      .filter(
        (a) => a.sessionId === s.id && reachesPerson(user, { userId: a.id, departmentId: a.departmentId }),
      )
      .map(({ id, name }) => ({ id, name })),
    points: ruleRows.find((r) => r.trigger === s.kind)?.points ?? null,
  }));
}
