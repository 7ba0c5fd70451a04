import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { juvenileStaffIds } from '../mailbox/juvenile-reach.ts';
import { schoolOfAccount } from '../mailbox/schools.ts';
import { notify } from '../notifications/notify.ts';
import { getCheck } from './get-check.ts';
import { currentOffenceRecords } from './load-offence-records.ts';
import { parseHires } from './parse-hires.ts';
import { runEmploymentCheck } from './run-check.ts';
import type { TCheckBatchDetail, TUploadBody } from './schema.ts';

const { employmentCheckBatches, employmentCheckPeople } = schema;

/**
 * 入职查询 (未成年人保护法 第六十二条): a school account's new hires checked against the newest
 * record snapshot; the batch, every person's result and the audit entry commit together.
 */
export async function submitCheck(
  database: Database,
  options: { input: TUploadBody; user: SessionUser; ip: string | null },
): Promise<TCheckBatchDetail> {
  const { input, user } = options;
  const school = await schoolOfAccount(database.db, user.id);
  const hires = await parseHires(input.content, input.fileName);
  const { set, records } = await currentOffenceRecords(database.db);
  const results = await runEmploymentCheck(hires, records, school.name);
  const reviewCount = [...results.values()].filter((r) => r.result === 'review').length;
  const batchId = await database.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(employmentCheckBatches)
      .values({
        schoolId: school.id,
        requestedBy: user.id,
        fileName: input.fileName,
        recordSetId: set.id,
        peopleCount: hires.length,
        reviewCount,
      })
      .returning({ id: employmentCheckBatches.id });
    const batchId = batch!.id;
    for (let i = 0; i < hires.length; i += 500) {
      await tx.insert(employmentCheckPeople).values(
        hires.slice(i, i + 500).map((hire) => {
          const result = results.get(hire.idNumber)!;
          return {
            batchId,
            row: hire.row,
            name: hire.name,
            idNumber: hire.idNumber,
            position: hire.position,
            result: result.result,
            reviewDetail: result.result === 'review' ? { matches: result.review } : null,
          };
        }),
      );
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'employmentCheck.submit',
      targetType: 'employmentCheck',
      targetId: batchId,
      ip: options.ip,
      detail: {
        schoolId: school.id,
        fileName: input.fileName,
        people: hires.length,
        review: reviewCount,
        recordSetId: set.id,
      },
    });
    if (reviewCount > 0) {
      const text = `${school.name}入职查询：${hires.length} 人中 ${reviewCount} 人需人工核实`;
      for (const userId of await juvenileStaffIds(tx)) {
        await notify(tx, {
          userId,
          kind: 'employmentCheck.review',
          text,
          link: `/employment-checks/${batchId}`,
        });
      }
    }
    return batchId;
  });
  return getCheck(database.db, { id: batchId, user });
}
