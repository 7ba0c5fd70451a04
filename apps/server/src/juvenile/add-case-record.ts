import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import {
  caseRecordKinds,
  eventOfRecord,
  parseCaseRecord,
  recordKindsFor,
} from '@procura/domain/juvenile/case-records';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import type { TAddRecordBody, TJuvenileCaseDetail } from './schema.ts';

/**
 * Records 提前介入, 社会调查报告, 讯问, 附条件不起诉, 从业禁止 or 强制报告 on a case (司法救助: judicial-aid/). The ones
 * the stage machine needs also go on the case timeline as events.
 */
export async function addCaseRecord(
  database: Database,
  options: { id: number; input: TAddRecordBody; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  const parsed = parseCaseRecord(input.kind, input.data);
  if (!parsed.ok) throw new DomainError('VALIDATION', parsed.message);
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, id, user, { lock: true });
    assertOpen(row);
    const label = caseRecordKinds[input.kind].label;
    if (!recordKindsFor[row.type].includes(input.kind)) {
      throw new DomainError(
        'VALIDATION',
        `「${label}」不适用于${row.type === 'juvenileVictim' ? '侵害未成年人' : '未成年人犯罪'}案件`,
      );
    }
    if (input.minorId) await loadMinor(tx, id, input.minorId);
    const [record] = await tx
      .insert(schema.juvenileCaseRecords)
      .values({
        caseId: id,
        minorId: input.minorId ?? null,
        kind: input.kind,
        data: parsed.data,
        recordedBy: user.id,
      })
      .returning({ id: schema.juvenileCaseRecords.id });
    const event = eventOfRecord[input.kind];
    if (event) {
      await tx.insert(schema.caseEvents).values({
        caseId: id,
        kind: event,
        at: now(),
        actorId: user.id,
        actorName: user.displayName,
        note: `${label}（详见未检办案记录）`,
        data: { juvenileRecordId: record!.id },
      });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.record',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { recordId: record!.id, kind: input.kind },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
