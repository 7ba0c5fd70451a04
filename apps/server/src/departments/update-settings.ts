import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../errors.ts';
import { listDepartments } from './list-departments.ts';
import type { TDepartment, TDepartmentSettingsBody } from './schema.ts';

/**
 * 部门设置 (the admin): the clue assessment period and the 检察建议文号代字. A new code starts its own
 * number series (doc_number_counters is keyed by code); 文号 already issued keep theirs. Audited with
 * the values before and after.
 */
export async function updateDepartmentSettings(
  database: Database,
  options: { id: number; input: TDepartmentSettingsBody; actor: AuditActor; ip: string | null },
): Promise<TDepartment> {
  const { id, input } = options;
  await database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.departments)
      .where(eq(schema.departments.id, id))
      .for('update');
    if (!before) throw notFound('部门');
    const changes = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => value !== undefined && before[key as keyof typeof before] !== value,
      ),
    ) as TDepartmentSettingsBody;
    if (Object.keys(changes).length === 0) return;
    await tx.update(schema.departments).set(changes).where(eq(schema.departments.id, id));
    await recordAudit(tx, {
      actor: options.actor,
      action: 'department.settings',
      targetType: 'department',
      targetId: id,
      ip: options.ip,
      detail: {
        from: Object.fromEntries(
          Object.keys(changes).map((key) => [key, before[key as keyof typeof before]]),
        ),
        to: changes,
      },
    });
  });
  return (await listDepartments(database.db)).find((d) => d.id === id)!;
}
