import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { maskName } from '@procura/domain/juvenile/mask';
import { oneStopFunctions, oneStopRooms } from '@procura/domain/juvenile/one-stop';
import { asc, eq, type SQL } from 'drizzle-orm';
import type { TSession } from './schema.ts';

const { juvenileSessions, juvenileMinors, cases } = schema;

export function selectSessions(db: Executor, where: SQL | undefined) {
  return db
    .select({ session: juvenileSessions, minorName: juvenileMinors.name, caseNumber: cases.caseNumber })
    .from(juvenileSessions)
    .innerJoin(juvenileMinors, eq(juvenileMinors.id, juvenileSessions.minorId))
    .innerJoin(cases, eq(cases.id, juvenileSessions.caseId))
    .where(where)
    .orderBy(asc(juvenileSessions.startsAt), asc(juvenileSessions.id));
}

type Row = Awaited<ReturnType<typeof selectSessions>>[number];

export function presentSessions(rows: Row[], options: { full: boolean }): TSession[] {
  return rows.map(({ session, minorName, caseNumber }) => ({
    id: session.id,
    caseId: session.caseId,
    caseNumber,
    minorId: session.minorId,
    minorName: options.full ? minorName : maskName(minorName),
    room: session.room,
    roomLabel: oneStopRooms[session.room],
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    functions: session.functions,
    functionLabels: session.functions.map((f) => oneStopFunctions[f]),
    attendees: session.attendees,
    inquiryNumber: session.inquiryNumber,
    note: session.note,
    cancelled: session.cancelled,
  }));
}
