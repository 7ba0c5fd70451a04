import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { getCaseType, phaseProblem, type TCaseType } from '@procura/domain/cases/case-types';
import { chinaDate, chinaYear } from '@procura/domain/china-time';
import { pilFieldProblem, type TPilField } from '@procura/domain/public-interest-fields';
import { lineLabels } from '@procura/domain/roles';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { startDeadlinesForEvent } from '../deadlines/start-deadline.ts';
import { DomainError, forbidden } from '../errors.ts';
import { allocateNumber } from './allocate-number.ts';
import { assertHandler, loadDepartment } from './assignment.ts';
import { getCase } from './get-case.ts';
import { reaches } from './record-reach.ts';
import type { TCaseDetail, TOpenCaseBody } from './schema.ts';

export interface OpenCaseInput {
  type: TCaseType;
  phase?: string | undefined;
  title: string;
  departmentId: number;
  handlerId?: number | undefined;
  /** The clue the case is opened from (立案); its status becomes opened. */
  clueId?: number;
  /** 公益诉讼领域; opening from a clue carries the clue's when none is given. */
  pilField?: TPilField | null | undefined;
}

/** 立案 without a clue (POST /api/cases); opening from a clue goes through decideClue. */
export async function openCase(
  database: Database,
  options: { input: TOpenCaseBody; user: SessionUser; ip: string | null },
): Promise<TCaseDetail> {
  const { input, user } = options;
  const departmentId = input.departmentId ?? user.department?.id;
  if (!departmentId) throw new DomainError('VALIDATION', '请选择办案部门（departmentId）');
  const id = await database.db.transaction((tx) =>
    openCaseInTransaction(tx, {
      input: { ...input, departmentId },
      user,
      ip: options.ip,
    }),
  );
  return (await getCase(database.db, id, user))!;
}

/**
 * Checks type, phase, department line and handler, allocates the number, stores the case with its
 * 立案 event and audits it, all in the caller's transaction. Returns the case id.
 */
export async function openCaseInTransaction(
  tx: Executor,
  options: { input: OpenCaseInput; user: SessionUser; ip: string | null },
): Promise<number> {
  const { input, user } = options;
  const type = getCaseType(input.type);
  const problem = phaseProblem(input.type, input.phase);
  if (problem) throw new DomainError('VALIDATION', problem);
  const fieldProblem = pilFieldProblem(input.type, input.pilField);
  if (fieldProblem) throw new DomainError('VALIDATION', fieldProblem);
  const department = await loadDepartment(tx, input.departmentId);
  if (department.line !== type.line) {
    throw new DomainError(
      'VALIDATION',
      // 行政公益诉讼案件, but 侵害未成年人犯罪案件 (not …案件案件).
      `${type.name.endsWith('案件') ? type.name : `${type.name}案件`}由${lineLabels[type.line]}部门办理，${department.name}（${lineLabels[department.line]}）不能立此类案件`,
    );
  }
  const handlerId = input.handlerId ?? (user.department?.id === department.id ? user.id : null);
  if (!reaches(user, { departmentId: department.id, handlerId })) {
    throw forbidden(`只能在本部门立案（${department.name}）`);
  }
  if (handlerId) await assertHandler(tx, handlerId, department);
  const openedAt = now();
  const year = chinaYear(openedAt);
  const { number: caseNumber, seq } = await allocateNumber(tx, 'case', { code: type.code, year });
  const [created] = await tx
    .insert(schema.cases)
    .values({
      caseNumber,
      numberYear: year,
      numberSeq: seq,
      type: input.type,
      phase: input.phase ?? null,
      stage: type.initialStage,
      departmentId: department.id,
      handlerId,
      title: input.title,
      pilField: input.pilField ?? null,
      openedAt,
      createdBy: user.id,
    })
    .returning({ id: schema.cases.id });
  const caseId = created!.id;
  await tx.insert(schema.caseEvents).values({
    caseId,
    kind: 'caseOpened',
    at: openedAt,
    actorId: user.id,
    actorName: user.displayName,
    note: `立案：${caseNumber}`,
    data: { caseNumber, ...(input.clueId ? { clueId: input.clueId } : {}) },
  });
  const actor = actorOf(user);
  await startDeadlinesForEvent(tx, {
    caseId,
    caseType: input.type,
    kind: 'caseOpened',
    on: chinaDate(openedAt),
    actor,
    ip: options.ip,
  });
  await recordAudit(tx, {
    actor: actorOf(user),
    action: 'case.open',
    targetType: 'case',
    targetId: caseId,
    ip: options.ip,
    detail: {
      caseNumber,
      type: input.type,
      phase: input.phase ?? null,
      pilField: input.pilField ?? null,
      departmentId: department.id,
      clueId: input.clueId ?? null,
    },
  });
  return caseId;
}
