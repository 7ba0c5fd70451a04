import type { Database, Executor } from '@procura/db';
import { schema } from '@procura/db';
import { patrolFindingKinds, patrolKinds, shopKey } from '@procura/domain/patrols';
import { recordReach } from '@procura/domain/policy';
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/present-attachment.ts';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { loadDepartment } from '../cases/assignment.ts';
import { reachCondition, reaches } from '../cases/record-reach.ts';
import { registerClueIn } from '../clues/register-clue.ts';
import { DomainError, notFound } from '../errors.ts';
import type { TAddFindingBody, TCreatePatrolBody, TPatrol } from './schema.ts';

type Caller = { user: SessionUser; ip: string | null };

/** The patrol when the user reaches it (its department, or everyone for the chief); else 404. */
async function loadPatrol(db: Executor, id: number, user: SessionUser, lock = false) {
  const query = db.select().from(schema.patrols).where(eq(schema.patrols.id, id));
  const [patrol] = lock ? await query.for('update') : await query;
  if (!patrol || !reaches(user, { departmentId: patrol.departmentId, handlerId: null }))
    throw notFound('巡查记录');
  return patrol;
}

function ownDepartment(user: SessionUser): number {
  if (recordReach(user.role) === 'none' || !user.department)
    throw new DomainError('FORBIDDEN', '只有本院办案部门的人员可以登记巡查');
  return user.department.id;
}

/** 登记巡查: the patrol with the findings seen on the day. */
export async function createPatrol(database: Database, input: TCreatePatrolBody, { user, ip }: Caller) {
  const departmentId = ownDepartment(user);
  const id = await database.db.transaction(async (tx) => {
    const [patrol] = await tx
      .insert(schema.patrols)
      .values({
        departmentId,
        kind: input.kind,
        platform: input.platform,
        patrolledBy: input.patrolledBy,
        patrolledOn: input.patrolledOn,
        createdBy: user.id,
      })
      .returning({ id: schema.patrols.id });
    for (const finding of input.findings) await insertFinding(tx, patrol!.id, input.platform, finding);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'patrol.create',
      targetType: 'patrol',
      targetId: patrol!.id,
      ip,
      detail: { kind: input.kind, findings: input.findings.length },
    });
    return patrol!.id;
  });
  return getPatrol(database.db, id, user);
}

async function insertFinding(tx: Executor, patrolId: number, platform: string, finding: TAddFindingBody) {
  const [row] = await tx
    .insert(schema.patrolFindings)
    .values({ patrolId, ...finding, shopKey: shopKey(platform, finding.shopName, finding.link) })
    .returning({ id: schema.patrolFindings.id });
  return row!.id;
}

/** 添加发现 to an existing patrol. */
export async function addFinding(
  database: Database,
  patrolId: number,
  input: TAddFindingBody,
  { user, ip }: Caller,
) {
  await database.db.transaction(async (tx) => {
    const patrol = await loadPatrol(tx, patrolId, user, true);
    const findingId = await insertFinding(tx, patrol.id, patrol.platform, input);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'patrol.addFinding',
      targetType: 'patrol',
      targetId: patrol.id,
      ip,
      detail: { findingId, kind: input.kind },
    });
  });
  return getPatrol(database.db, patrolId, user);
}

export async function getPatrol(db: Executor, id: number, user: SessionUser): Promise<TPatrol> {
  const patrol = await loadPatrol(db, id, user);
  const findings = await db
    .select()
    .from(schema.patrolFindings)
    .where(eq(schema.patrolFindings.patrolId, id))
    .orderBy(asc(schema.patrolFindings.id));
  const keys = [...new Set(findings.map((f) => f.shopKey))];
  // The same shop in other patrols of the same department: 重复发现.
  const others =
    keys.length === 0
      ? []
      : await db
          .select({
            shopKey: schema.patrolFindings.shopKey,
            findingId: schema.patrolFindings.id,
            patrolId: schema.patrols.id,
            patrolledOn: schema.patrols.patrolledOn,
          })
          .from(schema.patrolFindings)
          .innerJoin(schema.patrols, eq(schema.patrols.id, schema.patrolFindings.patrolId))
          .where(
            and(
              inArray(schema.patrolFindings.shopKey, keys),
              ne(schema.patrols.id, id),
              eq(schema.patrols.departmentId, patrol.departmentId),
            ),
          )
          .orderBy(asc(schema.patrols.patrolledOn), asc(schema.patrolFindings.id));
  const screenshots = await attachmentsOf(
    db,
    'patrolFinding',
    findings.map((f) => f.id),
  );
  return {
    id: patrol.id,
    departmentId: patrol.departmentId,
    kind: patrol.kind,
    platform: patrol.platform,
    patrolledBy: patrol.patrolledBy,
    patrolledOn: patrol.patrolledOn,
    findings: findings.map((f) => ({
      id: f.id,
      shopName: f.shopName,
      link: f.link,
      kind: f.kind,
      note: f.note,
      clueId: f.clueId,
      screenshots: screenshots.get(f.id) ?? [],
      repeatOf: others
        .filter((o) => o.shopKey === f.shopKey)
        .map(({ patrolId, patrolledOn, findingId }) => ({ patrolId, patrolledOn, findingId })),
    })),
  };
}

export async function listPatrols(db: Executor, user: SessionUser) {
  const reach = reachCondition(user, {
    departmentId: schema.patrols.departmentId,
    handlerId: schema.patrols.createdBy,
  });
  const rows = await db
    .select({
      id: schema.patrols.id,
      kind: schema.patrols.kind,
      platform: schema.patrols.platform,
      patrolledBy: schema.patrols.patrolledBy,
      patrolledOn: schema.patrols.patrolledOn,
      findings: count(schema.patrolFindings.id),
      clues: count(schema.patrolFindings.clueId),
    })
    .from(schema.patrols)
    .leftJoin(schema.patrolFindings, eq(schema.patrolFindings.patrolId, schema.patrols.id))
    .where(reach)
    .groupBy(schema.patrols.id)
    .orderBy(desc(schema.patrols.patrolledOn), desc(schema.patrols.id))
    .limit(500);
  return { items: rows };
}

/**
 * 生成线索: one clue per selected finding, registered as any clue is (duplicates, audit, the
 * assessment deadline), in one transaction: a finding of another patrol, or one already made a
 * clue, refuses the whole batch.
 */
export async function makeClues(
  database: Database,
  patrolId: number,
  input: { findingIds: number[]; handlerId?: number | undefined },
  { user, ip }: Caller,
) {
  const departmentId = ownDepartment(user);
  return database.db.transaction(async (tx) => {
    const patrol = await loadPatrol(tx, patrolId, user, true);
    if (patrol.departmentId !== departmentId)
      throw new DomainError('FORBIDDEN', '只能由巡查所属部门生成线索');
    const ids = [...new Set(input.findingIds)];
    const findings = await tx
      .select()
      .from(schema.patrolFindings)
      .where(and(inArray(schema.patrolFindings.id, ids), eq(schema.patrolFindings.patrolId, patrol.id)))
      .orderBy(asc(schema.patrolFindings.id))
      .for('update');
    const missing = ids.filter((id) => !findings.some((f) => f.id === id));
    if (missing.length > 0) throw notFound(`巡查发现（编号 ${missing.join('、')}）`);
    const done = findings.filter((f) => f.clueId !== null);
    if (done.length > 0)
      throw new DomainError(
        'CONFLICT',
        `以下发现已生成线索，本次未生成任何线索：${done.map((f) => `${f.shopName}（线索 ${f.clueId}）`).join('、')}`,
      );
    // Both patrol kinds (online food platforms, online drug sales) are 食品药品安全 work; a patrol
    // of a department outside the public-interest line makes clues without a field.
    const department = await loadDepartment(tx, departmentId);
    const pilField = department.line === 'publicInterest' ? ('foodDrugSafety' as const) : undefined;
    const made: { findingId: number; clueId: number }[] = [];
    for (const finding of findings) {
      const kind = patrolFindingKinds[finding.kind];
      const { id } = await registerClueIn(tx, {
        user,
        ip,
        departmentId,
        input: {
          source: 'selfDiscovered',
          title: `${patrolKinds[patrol.kind]}：${finding.shopName}（${kind}）`,
          description: [
            `${patrol.patrolledOn} ${patrolKinds[patrol.kind]}（巡查人：${patrol.patrolledBy}）发现：`,
            `平台：${patrol.platform}`,
            `店铺：${finding.shopName}`,
            finding.link ? `链接：${finding.link}` : null,
            `问题：${kind}`,
            finding.note ? `说明：${finding.note}` : null,
          ]
            .filter(Boolean)
            .join('\n'),
          handlerId: input.handlerId,
          ...(pilField ? { pilField } : {}),
          parties: [{ kind: 'organisation', name: finding.shopName.slice(0, 128) }],
        },
        alongside: async (t, clueId) => {
          await t
            .update(schema.patrolFindings)
            .set({ clueId })
            .where(eq(schema.patrolFindings.id, finding.id));
        },
      });
      made.push({ findingId: finding.id, clueId: id });
    }
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'patrol.makeClues',
      targetType: 'patrol',
      targetId: patrol.id,
      ip,
      detail: { clues: made },
    });
    return { clues: made };
  });
}
