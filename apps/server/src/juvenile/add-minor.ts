import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { cleanName } from '@procura/domain/clean/name';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError } from '../errors.ts';
import { getJuvenileCase } from './get-juvenile-case.ts';
import { assertOpen, loadJuvenileCase } from './load-juvenile-case.ts';
import type { TAddMinorBody, TJuvenileCaseDetail } from './schema.ts';

/** Registers a minor (victim or suspect) on a juvenile case; name and id number through the shared cleaners. */
export async function addMinor(
  database: Database,
  options: { id: number; input: TAddMinorBody; user: SessionUser; ip: string | null },
): Promise<TJuvenileCaseDetail> {
  const { id, input, user } = options;
  const name = cleanName(input.name);
  if (!name.ok) throw new DomainError('VALIDATION', `字段 name：${name.reason}`);
  let idNumber: string | null = null;
  if (input.idNumber) {
    const cleaned = cleanIdNumber(input.idNumber);
    if (!cleaned.ok) throw new DomainError('VALIDATION', `字段 idNumber：${cleaned.reason}`);
    idNumber = cleaned.value;
  }
  await database.db.transaction(async (tx) => {
    const { row } = await loadJuvenileCase(tx, id, user, { lock: true });
    assertOpen(row);
    if (row.type === 'juvenileVictim' && input.role === 'suspect') {
      throw new DomainError('VALIDATION', '侵害未成年人案件登记的未成年人应为被害人');
    }
    if (row.type === 'juvenileSuspect' && input.role === 'victim') {
      throw new DomainError('VALIDATION', '未成年人犯罪案件登记的未成年人应为犯罪嫌疑人');
    }
    const [minor] = await tx
      .insert(schema.juvenileMinors)
      .values({
        caseId: id,
        role: input.role,
        name: name.value,
        gender: input.gender,
        birthDate: input.birthDate ?? null,
        idNumber,
        guardianName: input.guardianName || null,
        guardianRelation: input.guardianRelation || null,
        createdBy: user.id,
      })
      .returning({ id: schema.juvenileMinors.id });
    // The audit entry names no minor: the log is read more widely than the case.
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.addMinor',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { minorId: minor!.id, role: input.role },
    });
  });
  return getJuvenileCase(database, { id, user, full: false, ip: options.ip });
}
