import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { sealingProblem } from '@procura/domain/juvenile/sealing';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { loadJuvenileCase } from './load-juvenile-case.ts';
import type { TJuvenileCaseDetail, TSealBody } from './schema.ts';

/**
 * 犯罪记录封存 of a minor suspect's case (刑事诉讼法 第二百八十六条; 刑诉规则 第四百八十二条、第四百八十六条).
 * From then on the case and its clues are hidden outside the juvenile department.
 */
export async function sealCase(
  database: Database,
  options: { id: number; input: TSealBody; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  const problem = sealingProblem({
    basis: input.basis,
    ageAtOffence: input.ageAtOffence,
    sentenceMonths: input.sentenceMonths ?? null,
  });
  if (problem) throw new DomainError('VALIDATION', problem);
  await database.db.transaction(async (tx) => {
    const { row, sealed } = await loadJuvenileCase(tx, id, user, { lock: true });
    if (row.type !== 'juvenileSuspect')
      throw new DomainError('VALIDATION', '只有未成年人犯罪案件的犯罪记录可以封存');
    if (sealed) throw new DomainError('CONFLICT', `案件${row.caseNumber}的犯罪记录已封存`);
    const [sealing] = await tx
      .insert(schema.juvenileSealings)
      .values({
        caseId: id,
        basis: input.basis,
        sentenceMonths: input.sentenceMonths ?? null,
        sealedOn: input.sealedOn,
        sealedBy: user.id,
      })
      .returning({ id: schema.juvenileSealings.id });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.seal',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { sealingId: sealing!.id, basis: input.basis, sealedOn: input.sealedOn },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
