import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, stageLabel } from '@procura/domain/cases/case-types';
import { caseRecordKinds } from '@procura/domain/juvenile/case-records';
import { missingGuardianshipFields } from '@procura/domain/juvenile/follow-up';
import { inquiryRequestStates } from '@procura/domain/juvenile/inquiries';
import { maskName, maskNamesIn } from '@procura/domain/juvenile/mask';
import { sealingBasis, sealingBasisLabels } from '@procura/domain/juvenile/sealing';
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { forbidden } from '../errors.ts';
import { loadJuvenileCase } from './load-juvenile-case.ts';
import { presentSealQueries } from './present-seal-query.ts';
import { presentSessions, selectSessions } from './present-session.ts';
import type { TJuvenileCaseDetail } from './schema.ts';
import { mayViewFull } from './scope.ts';

const { juvenileMinors, juvenileCaseRecords, juvenileInquiryRequests, juvenileGuardianshipOrders, users } =
  schema;

const roleLabels = { victim: '被害人', suspect: '犯罪嫌疑人' } as const;

/**
 * A juvenile case with its minors and records. Names are masked unless `full` is asked for by
 * someone allowed (handler, juvenile head, chief); each full view is written to the audit log.
 */
export async function getJuvenileCase(
  database: Database,
  options: { id: number; user: SessionUser; full: boolean; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, user } = options;
  const db = database.db;
  const { row, sealed } = await loadJuvenileCase(db, id, user);
  const allowed = mayViewFull(user, row);
  if (options.full) {
    if (!allowed) throw forbidden('只有承办检察官、未检部门负责人和检察长可以查看未成年人完整信息');
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor: actorOf(user),
        action: 'juvenile.fullView',
        targetType: 'case',
        targetId: id,
        ip: options.ip,
        detail: { caseNumber: row.caseNumber, sealed },
      }),
    );
  } else if (sealed) {
    // Even masked, a sealed record's page is a read of the sealed archive (刑诉规则 第四百八十三条).
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor: actorOf(user),
        action: 'juvenile.sealedView',
        targetType: 'case',
        targetId: id,
        ip: options.ip,
        detail: { caseNumber: row.caseNumber },
      }),
    );
  }
  return buildDetail(db, { row, sealed, full: options.full, mayViewFull: allowed });
}

async function buildDetail(
  db: Executor,
  options: {
    row: Awaited<ReturnType<typeof loadJuvenileCase>>['row'];
    sealed: boolean;
    full: boolean;
    mayViewFull: boolean;
  },
): Promise<TJuvenileCaseDetail> {
  const { row, full } = options;
  const decider = alias(users, 'decider');
  const [minors, records, requests, sessions, orders, department, handler, sealing, queries] =
    await Promise.all([
      db.select().from(juvenileMinors).where(eq(juvenileMinors.caseId, row.id)).orderBy(juvenileMinors.id),
      db
        .select({ record: juvenileCaseRecords, by: users.displayName })
        .from(juvenileCaseRecords)
        .innerJoin(users, eq(users.id, juvenileCaseRecords.recordedBy))
        .where(eq(juvenileCaseRecords.caseId, row.id))
        .orderBy(juvenileCaseRecords.id),
      db
        .select({ request: juvenileInquiryRequests, by: users.displayName, decider: decider.displayName })
        .from(juvenileInquiryRequests)
        .innerJoin(users, eq(users.id, juvenileInquiryRequests.requestedBy))
        .leftJoin(decider, eq(decider.id, juvenileInquiryRequests.decidedBy))
        .where(eq(juvenileInquiryRequests.caseId, row.id))
        .orderBy(juvenileInquiryRequests.id),
      selectSessions(db, eq(schema.juvenileSessions.caseId, row.id)),
      db
        .select()
        .from(juvenileGuardianshipOrders)
        .where(eq(juvenileGuardianshipOrders.caseId, row.id))
        .orderBy(juvenileGuardianshipOrders.id),
      db.select().from(schema.departments).where(eq(schema.departments.id, row.departmentId)),
      row.handlerId
        ? db.select().from(users).where(eq(users.id, row.handlerId))
        : Promise.resolve([] as (typeof users.$inferSelect)[]),
      db
        .select({ sealing: schema.juvenileSealings, by: users.displayName })
        .from(schema.juvenileSealings)
        .innerJoin(users, eq(users.id, schema.juvenileSealings.sealedBy))
        .where(and(eq(schema.juvenileSealings.caseId, row.id), isNull(schema.juvenileSealings.unsealedAt))),
      presentSealQueries(db, eq(schema.juvenileSealings.caseId, row.id)),
    ]);
  const names = minors.map((m) => m.name);
  const nameOf = (minorId: number) => {
    const minor = minors.find((m) => m.id === minorId);
    if (!minor) return '';
    return full ? minor.name : maskName(minor.name);
  };
  const presentedSessions = presentSessions(sessions, { full });
  const inquiriesOf = (minorId: number) =>
    presentedSessions.filter((s) => s.minorId === minorId && s.inquiryNumber !== null && !s.cancelled).length;
  const [seal] = sealing;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    type: row.type,
    typeLabel: caseTypes[row.type].name,
    stageLabel: stageLabel(row.type, row.stage),
    title: full ? row.title : maskNamesIn(row.title, names),
    department: { id: department[0]!.id, name: department[0]!.name },
    handler: handler[0] ? { id: handler[0].id, name: handler[0].displayName } : null,
    openedAt: row.openedAt.toISOString(),
    sealed: options.sealed,
    full,
    mayViewFull: options.mayViewFull,
    minors: minors.map((m) => ({
      id: m.id,
      role: m.role as 'victim' | 'suspect',
      roleLabel: roleLabels[m.role as 'victim' | 'suspect'],
      name: full ? m.name : maskName(m.name),
      gender: m.gender as 'male' | 'female',
      birthDate: full ? m.birthDate : null,
      idNumber: full ? m.idNumber : null,
      guardianName: full ? m.guardianName : m.guardianName ? maskName(m.guardianName) : null,
      guardianRelation: m.guardianRelation,
      inquiries: inquiriesOf(m.id),
    })),
    records: records.map(({ record, by }) => ({
      id: record.id,
      kind: record.kind,
      label: caseRecordKinds[record.kind].label,
      basis: caseRecordKinds[record.kind].basis,
      minorId: record.minorId,
      data: record.data,
      recordedBy: by,
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
    })),
    inquiryRequests: requests.map(({ request, by, decider }) => ({
      id: request.id,
      minorId: request.minorId,
      minorName: nameOf(request.minorId),
      reason: request.reason,
      state: request.state,
      stateLabel: inquiryRequestStates[request.state],
      requestedBy: by,
      requestedAt: request.requestedAt.toISOString(),
      decidedBy: decider,
      decidedAt: request.decidedAt?.toISOString() ?? null,
      decisionNote: request.decisionNote,
    })),
    sessions: presentedSessions,
    orders: orders.map((o) => ({
      id: o.id,
      minorId: o.minorId,
      minorName: nameOf(o.minorId),
      guardianName: full ? o.guardianName : o.guardianName ? maskName(o.guardianName) : '',
      relation: o.relation,
      facts: full ? o.facts : maskNamesIn(o.facts, names),
      requirements: o.requirements,
      partnerBody: o.partnerBody,
      sessions: o.sessions.map((s) => ({
        on: String(s.on),
        topic: String(s.topic),
        attended: typeof s.attended === 'boolean' ? s.attended : null,
        note: typeof s.note === 'string' ? s.note : null,
      })),
      issuedOn: o.issuedOn,
      documentId: o.documentId,
      evaluation: o.evaluation,
      evaluatedAt: o.evaluatedAt?.toISOString() ?? null,
      missing: missingGuardianshipFields({
        ...o,
        minorName: minors.find((m) => m.id === o.minorId)?.name ?? '',
      }),
    })),
    sealing: seal
      ? {
          id: seal.sealing.id,
          basis: seal.sealing.basis,
          basisLabel: sealingBasisLabels[seal.sealing.basis],
          legalBasis: sealingBasis[seal.sealing.basis],
          sentenceMonths: seal.sealing.sentenceMonths,
          sealedOn: seal.sealing.sealedOn,
          sealedBy: seal.by,
        }
      : null,
    sealQueries: queries,
  };
}
