import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { asc, desc, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanPhone } from '../supported-prosecution/clean-fields.ts';
import type { TOfficer, TOfficerBody, TOfficerPatch } from './schema.ts';

const { hearingOfficers } = schema;

interface Caller {
  user: SessionUser;
  ip: string | null;
}

type OfficerRow = typeof hearingOfficers.$inferSelect;

export const presentOfficer = (o: OfficerRow): TOfficer => ({
  id: o.id,
  name: o.name,
  occupation: o.occupation,
  organisation: o.organisation,
  phone: o.phone,
  relations: o.relations,
  active: o.active,
});

function phoneOf(raw: string | undefined): string | null {
  const phone = cleanPhone(raw);
  if (!phone.ok) throw new DomainError('VALIDATION', `字段 phone：${phone.reason}`);
  return phone.value;
}

/** The pool: those in it first, then those taken out; by name. */
export async function listOfficers(database: Database): Promise<TOfficer[]> {
  const rows = await database.db
    .select()
    .from(hearingOfficers)
    .orderBy(desc(hearingOfficers.active), asc(hearingOfficers.id));
  return rows.map(presentOfficer);
}

export async function createOfficer(
  database: Database,
  options: Caller & { input: TOfficerBody },
): Promise<TOfficer> {
  const { input, user } = options;
  const phone = phoneOf(input.phone);
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hearingOfficers)
      .values({
        name: input.name,
        occupation: input.occupation,
        organisation: input.organisation || null,
        phone,
        relations: input.relations ?? [],
        createdBy: user.id,
      })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'hearingOfficer.create',
      targetType: 'hearingOfficer',
      targetId: row!.id,
      ip: options.ip,
      detail: { name: row!.name, relations: row!.relations.length },
    });
    return presentOfficer(row!);
  });
}

/** Corrects an officer's particulars or takes the officer out of the pool (active: false). */
export async function updateOfficer(
  database: Database,
  options: Caller & { id: number; input: TOfficerPatch },
): Promise<TOfficer> {
  const { id, input, user } = options;
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.occupation !== undefined ? { occupation: input.occupation } : {}),
    ...(input.organisation !== undefined ? { organisation: input.organisation || null } : {}),
    ...(input.phone !== undefined ? { phone: phoneOf(input.phone) } : {}),
    ...(input.relations !== undefined ? { relations: input.relations } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(hearingOfficers)
      .set({ ...changes, updatedAt: now() })
      .where(eq(hearingOfficers.id, id))
      .returning();
    if (!row) throw notFound('听证员');
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'hearingOfficer.update',
      targetType: 'hearingOfficer',
      targetId: id,
      ip: options.ip,
      detail: { fields: Object.keys(changes) },
    });
    return presentOfficer(row);
  });
}
