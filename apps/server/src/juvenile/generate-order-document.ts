import { createHash } from 'node:crypto';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { missingGuardianshipFields } from '@procura/domain/juvenile/follow-up';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { DomainError, notFound } from '../errors.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { loadJuvenileCase, loadMinor } from './load-juvenile-case.ts';
import { renderOrderDocx } from './render-order-docx.ts';

/**
 * Prints the 督促监护令 and archives it on the case (downloaded like every case document). Refused,
 * naming the fields, while a required one is empty.
 */
export async function generateOrderDocument(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<{ documentId: number }> {
  const { user } = options;
  const [order] = await database.db
    .select()
    .from(schema.juvenileGuardianshipOrders)
    .where(eq(schema.juvenileGuardianshipOrders.id, options.id));
  if (!order) throw notFound('督促监护令');
  return database.db.transaction(async (tx) => {
    await loadJuvenileCase(tx, order.caseId, user, { lock: true });
    const minor = await loadMinor(tx, order.caseId, order.minorId);
    const missing = missingGuardianshipFields({ ...order, minorName: minor.name });
    if (missing.length > 0) {
      throw new DomainError('VALIDATION', `生成督促监护令前请填写：${missing.join('、')}`);
    }
    const [procuratorate] = await tx.select({ name: schema.procuratorate.name }).from(schema.procuratorate);
    const issuedOn = order.issuedOn ?? today();
    const content = await renderOrderDocx({
      procuratorate: procuratorate?.name ?? '',
      guardianName: order.guardianName,
      relation: order.relation,
      minorName: minor.name,
      facts: order.facts,
      requirements: order.requirements,
      partnerBody: order.partnerBody,
      sessions: order.sessions.map((s) => ({ on: String(s.on), topic: String(s.topic) })),
      date: issuedOn,
    });
    const [document] = await tx
      .insert(schema.caseDocuments)
      .values({
        caseId: order.caseId,
        name: `督促监护令 ${order.id}.docx`,
        mime: docxMime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        createdBy: user.id,
      })
      .returning({ id: schema.caseDocuments.id });
    await tx
      .update(schema.juvenileGuardianshipOrders)
      .set({ documentId: document!.id, issuedOn })
      .where(eq(schema.juvenileGuardianshipOrders.id, order.id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'juvenile.generateOrderDocument',
      targetType: 'case',
      targetId: order.caseId,
      ip: options.ip,
      detail: { orderId: order.id, documentId: document!.id },
    });
    return { documentId: document!.id };
  });
}
