import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { can } from '@procura/domain/policy';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { caseLabel, clueLabel, notifyUsers, rolesOf } from '../notifications/recipients.ts';

type ClueRow = typeof schema.clues.$inferSelect;

/**
 * 线索处置结果: whoever sent the clue (the department that transferred it: who transferred it and
 * who registered it there) and whoever registered or holds it here are told it became a case or
 * was declined, inside the decision's transaction. The sender cannot open the receiving
 * department's case, so their message links to their own clue, where its outcome shows.
 */
export async function tellClueOutcome(
  tx: Executor,
  options: { clue: ClueRow; user: SessionUser; caseId: number | null; reason?: string },
): Promise<void> {
  const { clue, user } = options;
  const opened = options.caseId !== null ? await caseOf(tx, options.caseId) : null;
  const what = opened ? `已立案（${opened.caseNumber}）` : `决定不立案：${options.reason ?? ''}`;
  const origins = await tx
    .select({
      clueId: schema.clueTransfers.clueId,
      transferredBy: schema.clueTransfers.transferredBy,
      registeredBy: schema.clues.createdBy,
    })
    .from(schema.clueTransfers)
    .innerJoin(schema.clues, eq(schema.clues.id, schema.clueTransfers.clueId))
    .where(eq(schema.clueTransfers.receivedClueId, clue.id));
  // An outside organisation's account (a clue sent through the portal) reads the outcome on its
  // portal, in its own words: a message here would name the procuratorate's staff.
  const outside = (
    await rolesOf(tx, [clue.createdBy, ...origins.flatMap((o) => [o.transferredBy, o.registeredBy])])
  ).filter((r) => r.role === 'organisation');
  const outsideIds = new Set(outside.map((r) => r.id));
  const toldAlready = new Set<number>([user.id, ...outsideIds]);
  for (const origin of origins) {
    const told = await notifyUsers(
      tx,
      [origin.transferredBy, origin.registeredBy].filter((id) => !outsideIds.has(id)),
      {
        actorId: user.id,
        kind: opened ? 'clueOpened' : 'clueDeclined',
        text: `您移送的${await clueLabel(tx, origin.clueId)}经接收部门${user.displayName}${what}`,
        link: `/clues/${origin.clueId}`,
      },
    );
    for (const id of told) toldAlready.add(id);
  }
  // Here: who registered and who held the clue, and who handles the new case.
  const here = [clue.createdBy, clue.handlerId, opened?.handlerId ?? null].filter(
    (id): id is number => id !== null && !toldAlready.has(id),
  );
  const label = await clueLabel(tx, clue.id);
  for (const { id, role } of await rolesOf(tx, here)) {
    // An analyst (a clue from a model hit) reads no casework: the message is the news itself.
    const readsCases = can(role, 'case.read');
    const link = opened && readsCases ? `/cases/${options.caseId}` : readsCases ? `/clues/${clue.id}` : null;
    const subject = opened && readsCases ? await caseLabel(tx, options.caseId!) : null;
    await notifyUsers(tx, [id], {
      actorId: user.id,
      kind: opened ? 'clueOpened' : 'clueDeclined',
      text: `${label}经${user.displayName}${subject ? `立案：${subject}` : what}`,
      link,
    });
  }
}

async function caseOf(tx: Executor, caseId: number) {
  const [row] = await tx
    .select({ caseNumber: schema.cases.caseNumber, handlerId: schema.cases.handlerId })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId));
  return row ?? { caseNumber: '', handlerId: null };
}
