import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import {
  addDays,
  countWorkingDays,
  deadlineStatus,
  type HolidayCalendar,
  type IsoDate,
} from '@procura/domain/deadlines/index';
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { recordDepartmentId, recordHandlerId } from '../deadlines/present-deadline.ts';
import { maskCaseTitles, maskClueMinors } from '../juvenile/mask-lists.ts';
import { type DueItem, horizonDays, nearness, owedState, type ReminderState } from './due-item.ts';
import { dueSoonSent, overdueNotSent } from './sent-reminders.ts';

const { deadlines, cases, clues, suggestions, clueParties } = schema;

type Row = Awaited<ReturnType<typeof queryCandidates>>[number];

/**
 * Open deadlines of cases, clues and suggestions that the engine finds 临期 or 逾期 today and
 * whose reminder for that state has not been sent. Paused (no due date) and pending (a chained
 * limit not yet started) deadlines are left out, as the engine shows them.
 */
export async function findDueDeadlines(
  db: Executor,
  today: IsoDate,
  calendar: HolidayCalendar,
): Promise<DueItem[]> {
  const rows = await queryCandidates(db, today);
  const due: { row: Row; state: ReminderState }[] = [];
  for (const row of rows) {
    const state = owedState(deadlineStatus(row.dueOn, today, calendar), row.soonSent);
    if (state) due.push({ row, state });
  }
  const subjects = await subjectsOf(
    db,
    due.map((d) => d.row),
  );
  return due.flatMap(({ row, state }) => {
    const dueOn = row.dueOn!;
    const subject = subjects.get(row.id);
    if (!subject) return [];
    const text =
      state === 'dueSoon'
        ? `临期提醒：${subject.label}的「${row.name}」将于 ${dueOn} 到期（${nearness(countWorkingDays(today, dueOn, calendar))}），请及时办理`
        : `逾期提醒：${subject.label}的「${row.name}」已于 ${dueOn} 届满，现已逾期，请尽快办理`;
    return [
      {
        kind: 'deadline' as const,
        targetId: row.id,
        state,
        dueOn,
        handlerId: row.handlerId === null ? null : Number(row.handlerId),
        departmentId: Number(row.departmentId),
        text,
        link: subject.link,
      },
    ];
  });
}

function queryCandidates(db: Executor, today: IsoDate) {
  return db
    .select({
      id: deadlines.id,
      name: deadlines.name,
      dueOn: deadlines.dueOn,
      soonSent: dueSoonSent(db, 'deadline', deadlines.id),
      suggestionId: deadlines.suggestionId,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      caseType: cases.type,
      caseTitle: cases.title,
      clueId: clues.id,
      clueTitle: clues.title,
      clueReceivedAt: clues.receivedAt,
      clueCaseId: clues.caseId,
      docNumber: suggestions.docNumber,
      departmentId: recordDepartmentId,
      handlerId: recordHandlerId,
    })
    .from(deadlines)
    .leftJoin(cases, eq(cases.id, deadlines.caseId))
    .leftJoin(clues, eq(clues.id, deadlines.clueId))
    .leftJoin(suggestions, eq(suggestions.id, deadlines.suggestionId))
    .where(
      and(
        isNull(deadlines.completedOn),
        isNotNull(deadlines.dueOn),
        eq(deadlines.state, 'running'),
        lte(deadlines.dueOn, addDays(today, horizonDays)),
        isNotNull(recordDepartmentId),
        overdueNotSent(db, 'deadline', deadlines.id),
      ),
    );
}

/**
 * What each reminder names and links to. Titles go through the juvenile masking of lists, so a
 * minor's name never sits in a notification (未成年人保护法 第一百零三条).
 */
async function subjectsOf(db: Executor, rows: Row[]): Promise<Map<number, { label: string; link: string }>> {
  const caseRows = rows.flatMap((r) =>
    r.caseId !== null && r.caseTitle !== null && r.caseType !== null
      ? [{ id: r.caseId, type: r.caseType, title: r.caseTitle }]
      : [],
  );
  const caseTitles = new Map((await maskCaseTitles(db, caseRows)).map((c) => [c.id, c.title]));
  const clueTitles = await maskedClueTitles(db, rows);
  const subjects = new Map<number, { label: string; link: string }>();
  for (const row of rows) {
    if (row.caseId !== null) {
      const label =
        row.suggestionId !== null && row.docNumber
          ? `检察建议${row.docNumber}（案件${row.caseNumber}）`
          : `案件${row.caseNumber}「${caseTitles.get(row.caseId) ?? ''}」`;
      subjects.set(row.id, { label, link: `/cases/${row.caseId}` });
    } else if (row.clueId !== null) {
      subjects.set(row.id, {
        label: `线索「${clueTitles.get(row.clueId) ?? ''}」`,
        link: `/clues/${row.clueId}`,
      });
    }
  }
  return subjects;
}

async function maskedClueTitles(db: Executor, rows: Row[]): Promise<Map<number, string>> {
  const clueRows = rows.filter((r) => r.clueId !== null && r.caseId === null);
  if (clueRows.length === 0) return new Map();
  const ids = clueRows.map((r) => r.clueId!);
  const parties = await db
    .select({
      clueId: clueParties.clueId,
      kind: clueParties.kind,
      name: clueParties.name,
      idNumber: clueParties.idNumber,
    })
    .from(clueParties)
    .where(inArray(clueParties.clueId, ids));
  const masked = await maskClueMinors(
    db,
    clueRows.map((r) => ({
      id: r.clueId!,
      receivedAt: r.clueReceivedAt!.toISOString(),
      title: r.clueTitle ?? '',
      description: '',
      case: r.clueCaseId === null ? null : { id: r.clueCaseId },
      parties: parties.filter((p) => p.clueId === r.clueId),
    })),
  );
  return new Map(masked.map((c) => [c.id, c.title]));
}
