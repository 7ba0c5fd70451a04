import { type Database, type Executor, schema } from '@procura/db';
import type { TPointTrigger } from '@procura/domain/assessment/schemes';
import { and, desc, eq, gte, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import { today } from '../clock.ts';
import { recordDepartmentId, recordHandlerId } from '../deadlines/present-deadline.ts';

const {
  assessmentEntries: entries,
  assessmentPeriods: periods,
  assessmentPointRules: rules,
  users,
  deadlines,
} = schema;

/**
 * An entry the records propose (a deadline gone overdue, a suggestion returned in approval): under
 * the rule of the open period that names the trigger, for the person who answers for the record,
 * waiting for their department head to confirm it. Nothing when no open period covers the day or
 * its scheme has no such rule; once per record and event (`sourceKey`).
 */
export async function proposeFromRecord(
  tx: Executor,
  input: {
    trigger: TPointTrigger;
    userId: number;
    occurredOn: string;
    title: string;
    recordType: 'case' | 'clue' | 'suggestion';
    recordId: number;
    sourceKey: string;
  },
): Promise<boolean> {
  const [found] = await tx
    .select({ periodId: periods.id, ruleId: rules.id, points: rules.points })
    .from(periods)
    .innerJoin(rules, and(eq(rules.periodId, periods.id), eq(rules.trigger, input.trigger)))
    .where(
      and(
        eq(periods.status, 'open'),
        lte(periods.startsOn, input.occurredOn),
        gte(periods.endsOn, input.occurredOn),
      ),
    )
    // Overlapping open periods (a year and a quarter): the one set up last.
    .orderBy(desc(periods.id))
    .limit(1);
  if (!found) return false;
  const [person] = await tx
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!person) return false;
  const inserted = await tx
    .insert(entries)
    .values({
      periodId: found.periodId,
      userId: input.userId,
      departmentId: person.departmentId,
      kind: 'negative',
      status: 'proposed',
      origin: 'record',
      ruleId: found.ruleId,
      title: input.title,
      points: found.points,
      occurredOn: input.occurredOn,
      recordType: input.recordType,
      recordId: input.recordId,
      sourceKey: input.sourceKey,
    })
    .onConflictDoNothing({ target: entries.sourceKey })
    .returning({ id: entries.id });
  return inserted.length > 0;
}

/**
 * The sweep: every open deadline whose due day has passed, with a handler, proposes its negative
 * entry (once). Run by the hourly reminder check and on demand from the lists page.
 */
export async function proposeFromOverdueDeadlines(database: Database, day = today()): Promise<number> {
  const overdue = await database.db
    .select({
      id: deadlines.id,
      name: deadlines.name,
      dueOn: deadlines.dueOn,
      caseId: deadlines.caseId,
      clueId: deadlines.clueId,
      suggestionCaseId: schema.suggestions.caseId,
      handlerId: recordHandlerId,
    })
    .from(deadlines)
    .leftJoin(schema.cases, eq(schema.cases.id, deadlines.caseId))
    .leftJoin(schema.clues, eq(schema.clues.id, deadlines.clueId))
    .leftJoin(schema.suggestions, eq(schema.suggestions.id, deadlines.suggestionId))
    .where(
      and(
        isNull(deadlines.completedOn),
        isNotNull(deadlines.dueOn),
        eq(deadlines.state, 'running'),
        lt(deadlines.dueOn, day),
        isNotNull(recordDepartmentId),
      ),
    );
  let proposed = 0;
  for (const d of overdue) {
    if (d.handlerId === null) continue;
    const caseId = d.caseId ?? d.suggestionCaseId;
    const record =
      caseId !== null
        ? { recordType: 'case' as const, recordId: caseId }
        : { recordType: 'clue' as const, recordId: d.clueId! };
    const made = await database.db.transaction((tx) =>
      proposeFromRecord(tx, {
        trigger: 'deadlineOverdue',
        userId: Number(d.handlerId),
        occurredOn: d.dueOn!,
        title: `期限「${d.name}」逾期（届满日 ${d.dueOn}）`,
        ...record,
        sourceKey: `deadline:${d.id}:overdue`,
      }),
    );
    if (made) proposed++;
  }
  return proposed;
}
