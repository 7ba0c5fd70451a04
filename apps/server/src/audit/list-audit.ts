import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { auditActionLabel } from '@procura/domain/audit-actions';
import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAuditList, ZAuditQuery } from './schema.ts';

const t = schema.auditLog;

export async function listAudit(db: Executor, query: z.infer<typeof ZAuditQuery>): Promise<TAuditList> {
  const conditions: SQL[] = [];
  if (query.actor) conditions.push(ilike(t.actorName, `%${escapeLike(query.actor)}%`));
  if (query.action) conditions.push(eq(t.action, query.action));
  if (query.targetType) conditions.push(eq(t.targetType, query.targetType));
  if (query.targetId) conditions.push(eq(t.targetId, query.targetId));
  if (query.from) conditions.push(gte(t.at, new Date(query.from)));
  if (query.to) conditions.push(lte(t.at, new Date(query.to)));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(t).where(where),
  ]);
  return {
    total: Number(total?.value ?? 0),
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      detail: row.detail,
    })),
  };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
