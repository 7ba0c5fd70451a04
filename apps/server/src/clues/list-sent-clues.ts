import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { caseTypes, stageLabel } from '@procura/domain/cases/case-types';
import { clueSources, clueStatuses } from '@procura/domain/cases/clue-sources';
import { formatOutcome, outcomeKinds } from '@procura/domain/cases/outcomes';
import { recordReach } from '@procura/domain/policy';
import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, forbidden } from '../errors.ts';
import { presentTransfer, selectTransfers } from './present-clue.ts';
import type { TSentClue, TSentClueList } from './schema.ts';

const { clues, clueTransfers, cases, caseOutcomes } = schema;
const received = alias(clues, 'received_clue');

/**
 * "Clues I sent / what became of them" for one department: each transfer with the receiving
 * side's status, the case opened from it and the case's outcomes. The sender sees this feedback
 * without reaching the receiver's case itself.
 */
type TSentFilter = { departmentId?: number | undefined; awaiting?: 'feedback' | undefined };

/**
 * The transfers of one department (the user's own unless a leader names another), and with
 * `awaiting: 'feedback'` only those to an outside body whose feedback is not yet recorded: between
 * departments the feedback is the receiver's live status, nothing to wait for.
 */
function sentFilter(query: TSentFilter, user: SessionUser): SQL | undefined {
  const departmentId = query.departmentId ?? user.department?.id;
  if (!departmentId) throw new DomainError('VALIDATION', '请选择部门（departmentId）');
  if (recordReach(user.role) !== 'all' && departmentId !== user.department?.id) {
    throw forbidden('只能查看本部门移送的线索');
  }
  return and(
    eq(clueTransfers.fromDepartmentId, departmentId),
    query.awaiting ? and(isNotNull(clueTransfers.toOutsideBody), isNull(clueTransfers.feedback)) : undefined,
  );
}

/** How many transfers the list shows for this filter (the workbench's count). */
export async function countSentClues(db: Executor, query: TSentFilter, user: SessionUser): Promise<number> {
  const [row] = await db.select({ value: count() }).from(clueTransfers).where(sentFilter(query, user));
  return Number(row?.value ?? 0);
}

export async function listSentClues(
  db: Executor,
  query: TSentFilter & { page: number; pageSize: number },
  user: SessionUser,
): Promise<TSentClueList> {
  const where = sentFilter(query, user);
  const [rows, [total]] = await Promise.all([
    selectTransfers(db)
      .where(where)
      .orderBy(desc(clueTransfers.transferredAt), desc(clueTransfers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(clueTransfers).where(where),
  ]);
  const transferIds = rows.map((r) => r.transfer.id);
  const details = transferIds.length
    ? await db
        .select({
          transferId: clueTransfers.id,
          clue: { id: clues.id, title: clues.title, source: clues.source },
          received: { id: received.id, status: received.status, declineReason: received.declineReason },
          case: {
            id: cases.id,
            caseNumber: cases.caseNumber,
            type: cases.type,
            stage: cases.stage,
            closedAt: cases.closedAt,
          },
        })
        .from(clueTransfers)
        .innerJoin(clues, eq(clues.id, clueTransfers.clueId))
        .leftJoin(received, eq(received.id, clueTransfers.receivedClueId))
        .leftJoin(cases, eq(cases.id, received.caseId))
        .where(inArray(clueTransfers.id, transferIds))
    : [];
  const caseIds = details.flatMap((d) => (d.case?.id ? [d.case.id] : []));
  const outcomes = caseIds.length
    ? await db
        .select()
        .from(caseOutcomes)
        .where(inArray(caseOutcomes.caseId, caseIds))
        .orderBy(caseOutcomes.id)
    : [];
  const detailOf = new Map(details.map((d) => [d.transferId, d]));
  const items = rows.map((row): TSentClue => {
    const detail = detailOf.get(row.transfer.id)!;
    const theCase = detail.case?.id ? detail.case : null;
    const own = theCase ? outcomes.filter((o) => o.caseId === theCase.id) : [];
    return {
      transfer: presentTransfer(row),
      clue: {
        id: detail.clue.id,
        title: detail.clue.title,
        source: detail.clue.source,
        sourceLabel: clueSources[detail.clue.source],
      },
      received: detail.received?.id
        ? {
            clueId: detail.received.id,
            status: detail.received.status,
            statusLabel: clueStatuses[detail.received.status],
            declineReason: detail.received.declineReason,
          }
        : null,
      case: theCase
        ? {
            id: theCase.id,
            caseNumber: theCase.caseNumber,
            typeLabel: caseTypes[theCase.type].name,
            stageLabel: stageLabel(theCase.type, theCase.stage),
            closed: theCase.closedAt !== null,
          }
        : null,
      outcomes: own.map((o) => ({
        kind: o.kind,
        label: outcomeKinds[o.kind].label,
        amountFen: o.amountFen,
        count: o.count,
        text: formatOutcome(o.kind, o),
      })),
      recoveredFen: own.reduce((sum, o) => sum + (o.amountFen ?? 0), 0),
    };
  });
  return { total: Number(total?.value ?? 0), items };
}
