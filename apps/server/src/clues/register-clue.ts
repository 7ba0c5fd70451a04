import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import type { TClueSource } from '@procura/domain/cases/clue-sources';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { recordReach } from '@procura/domain/policy';
import { pilFieldMissing, type TPilField } from '@procura/domain/public-interest-fields';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { assertHandler, loadDepartment } from '../cases/assignment.ts';
import { now } from '../clock.ts';
import { DomainError, forbidden } from '../errors.ts';
import { findDuplicates } from './find-duplicates.ts';
import { getClue } from './get-clue.ts';
import type { TClueDetail, TPartyInput, TPossibleDuplicate, TRegisterClueBody } from './schema.ts';
import { startClueAssessment } from './start-clue-assessment.ts';

/** 线索登记: stores the clue with its parties and flags open clues and cases that look the same. */
export async function registerClue(
  database: Database,
  options: {
    input: TRegisterClueBody;
    user: SessionUser;
    ip: string | null;
    /** Work that must commit with the clue or not at all (linking the model hit it came from…). */
    alongside?: (tx: Executor, clueId: number) => Promise<void>;
  },
): Promise<{ clue: TClueDetail; possibleDuplicates: TPossibleDuplicate[] }> {
  const { input, user } = options;
  const departmentId = input.departmentId ?? user.department?.id;
  if (!departmentId) throw new DomainError('VALIDATION', '请选择接收部门（departmentId）');
  // Caseworkers register into their own department; clues for others go through a transfer.
  if (recordReach(user.role) === 'departmentOrAssigned' && departmentId !== user.department?.id) {
    throw forbidden('只能登记到本部门；其他部门的线索请登记后移送');
  }
  const { id, duplicates } = await database.db.transaction((tx) =>
    registerClueIn(tx, { ...options, departmentId }),
  );
  return { clue: (await getClue(database.db, id, user))!, possibleDuplicates: duplicates };
}

/**
 * The registration itself, inside the caller's transaction: a batch (a patrol's findings) registers
 * several clues that commit together or not at all. The caller has checked the department.
 */
export async function registerClueIn(
  tx: Executor,
  options: {
    input: TRegisterClueBody;
    user: SessionUser;
    ip: string | null;
    departmentId: number;
    alongside?: (tx: Executor, clueId: number) => Promise<void>;
  },
): Promise<{ id: number; duplicates: TPossibleDuplicate[] }> {
  const { input, user, departmentId } = options;
  const parties = normaliseParties(input.parties);
  const department = await loadDepartment(tx, departmentId);
  if (input.pilField && department.line !== 'publicInterest') {
    throw new DomainError('VALIDATION', `只有公益诉讼部门的线索填写公益诉讼领域，${department.name}不是`);
  }
  if (!input.pilField && department.line === 'publicInterest') {
    throw new DomainError('VALIDATION', pilFieldMissing(`${department.name}的线索`));
  }
  if (input.handlerId) await assertHandler(tx, input.handlerId, department);
  // A clue has a 承办人 from the start: the one chosen, or the prosecutor registering it into
  // their own department. A head, clerk or analyst chooses one (the form offers it), or the
  // clue waits for the head to assign it.
  const handlerId =
    input.handlerId ?? (user.role === 'prosecutor' && user.department?.id === departmentId ? user.id : null);
  const id = await insertClue(tx, {
    source: input.source,
    title: input.title,
    description: input.description,
    pilField: input.pilField ?? null,
    departmentId,
    handlerId,
    assessmentDueOn: input.assessmentDueOn ?? null,
    createdBy: user.id,
    parties,
  });
  if (!input.assessmentDueOn) {
    await startClueAssessment(tx, { clueId: id, departmentId, actor: actorOf(user), ip: options.ip });
  }
  const { duplicates, matched } = await findDuplicates(tx, user, {
    clueId: id,
    description: input.description,
    idNumbers: parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
    organisations: parties.filter((p) => p.kind === 'organisation').map((p) => p.name),
  });
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'clue.create',
    targetType: 'clue',
    targetId: id,
    ip: options.ip,
    // No title: the audit log is read by the administrator, and a title may name a minor
    // (未成年人保护法 第一百零三条); the clue id leads to it for those who may see it.
    detail: {
      source: input.source,
      departmentId,
      possibleDuplicates: matched,
    },
  });
  await options.alongside?.(tx, id);
  return { id, duplicates };
}

export interface NewClue {
  source: TClueSource;
  title: string;
  description: string;
  pilField?: TPilField | null;
  departmentId: number;
  handlerId: number | null;
  assessmentDueOn: string | null;
  createdBy: number;
  parties: { kind: 'person' | 'organisation'; name: string; idNumber: string | null }[];
}

export async function insertClue(tx: Executor, clue: NewClue): Promise<number> {
  const [created] = await tx
    .insert(schema.clues)
    .values({
      source: clue.source,
      title: clue.title,
      description: clue.description,
      pilField: clue.pilField ?? null,
      departmentId: clue.departmentId,
      handlerId: clue.handlerId,
      status: clue.handlerId ? 'assessing' : 'pending',
      assessmentDueOn: clue.assessmentDueOn,
      createdBy: clue.createdBy,
      // The server's clock, not the database's now(): periods and lists count by the server's day.
      receivedAt: now(),
    })
    .returning({ id: schema.clues.id });
  if (clue.parties.length > 0) {
    await tx.insert(schema.clueParties).values(clue.parties.map((p) => ({ ...p, clueId: created!.id })));
  }
  return created!.id;
}

function normaliseParties(parties: TPartyInput[]): NewClue['parties'] {
  return parties.map((party, index) => {
    if (party.kind === 'organisation') return { kind: 'organisation', name: party.name, idNumber: null };
    if (!party.idNumber) return { kind: 'person', name: party.name, idNumber: null };
    // The same cleaner as data imports: full-width digits, lower-case x, 15-digit ids upgraded.
    const cleaned = cleanIdNumber(party.idNumber);
    const problem = cleaned.ok ? (cleaned.problem ?? null) : cleaned.reason;
    if (problem)
      throw new DomainError('VALIDATION', `字段 parties.${index}.idNumber（${party.name}）：${problem}`);
    return { kind: 'person', name: party.name, idNumber: cleaned.ok ? cleaned.value : party.idNumber };
  });
}
