import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertHandler, loadDepartment } from '../cases/assignment.ts';
import { insertClue } from '../clues/register-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertJuvenileRecord, juvenileDepartmentFor } from './juvenile-reach.ts';
import { loadLetters } from './present-letter.ts';
import type { TLetter, TLetterToClueBody } from './schema.ts';
import { topicLabel } from './submit-letter.ts';

const { mailboxLetters, partnerSchools } = schema;

/**
 * Registers a letter as a clue of the juvenile department (source 12309/群众举报: the glossary has
 * no 校园信箱 source), in one transaction with the link back to the letter.
 */
export async function letterToClue(
  database: Database,
  options: { id: number; input: TLetterToClueBody; user: SessionUser; ip: string | null },
): Promise<{ letter: TLetter; clueId: number }> {
  const { id, input, user } = options;
  await assertJuvenileRecord(database.db, user, '来信');
  const departmentId = await juvenileDepartmentFor(database.db, user);
  const clueId = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ letter: mailboxLetters, school: partnerSchools.name })
      .from(mailboxLetters)
      .innerJoin(partnerSchools, eq(partnerSchools.id, mailboxLetters.schoolId))
      .where(eq(mailboxLetters.id, id))
      .for('update', { of: mailboxLetters });
    if (!row) throw notFound('来信');
    if (row.letter.clueId)
      throw new DomainError('CONFLICT', `这封来信已转为线索（线索 ${row.letter.clueId}）`);
    const department = await loadDepartment(tx, departmentId);
    if (input.handlerId) await assertHandler(tx, input.handlerId, department);
    const { letter } = row;
    const title =
      input.title ??
      `${row.school}校园信箱来信：${topicLabel(letter.topic)}${letter.urgent ? '（紧急）' : ''}`;
    const description = [
      `来源：${row.school}“亮晶晶+绒花”校园信箱，来信编号 ${letter.id}，收信时间 ${letter.createdAt.toISOString()}。`,
      letter.grade ? `年级：${letter.grade}` : null,
      letter.contact ? `联系方式：${letter.contact}` : '匿名来信',
      '',
      letter.body,
    ]
      .filter((line) => line !== null)
      .join('\n');
    const clueId = await insertClue(tx, {
      source: 'publicReport',
      title,
      description,
      departmentId,
      handlerId: input.handlerId ?? null,
      assessmentDueOn: null,
      createdBy: user.id,
      parties: [],
    });
    await tx.update(mailboxLetters).set({ clueId }).where(eq(mailboxLetters.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'clue.create',
      targetType: 'clue',
      targetId: clueId,
      ip: options.ip,
      detail: { source: 'publicReport', departmentId, fromMailboxLetter: id },
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'mailbox.toClue',
      targetType: 'mailboxLetter',
      targetId: id,
      ip: options.ip,
      detail: { clueId },
    });
    return clueId;
  });
  return { letter: (await loadLetters(database.db, [id]))[0]!, clueId };
}
