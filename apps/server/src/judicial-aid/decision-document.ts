import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { formatYuan } from '@procura/domain/clean/amount';
import { judicialAidCategories } from '@procura/domain/judicial-aid';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import {
  addresseeLine,
  blankLine,
  bodyLine,
  chineseDate,
  heading,
  paragraphs,
  renderOfficialDocument,
  rightLine,
  signature,
} from '../documents/official-document.ts';
import { DomainError, notFound } from '../errors.ts';
import { masksFor } from './load.ts';

const { judicialAids } = schema;

/** The basis the document may cite: only 未成年人保护法 第一百零四条 is in laws/ (docs: 待核实 for the rest). */
const juvenileBasis = '《中华人民共和国未成年人保护法》第一百零四条';

/**
 * 司法救助决定书 (.docx, official layout) for a decided application: 批准 with the amount, or 不予救助
 * with the reason. It names the applicant in full, so only those who see the applicant unmasked
 * (the case's department; on a juvenile case the handler, 未检 head and chief) may generate it;
 * each generation is audited.
 */
export async function generateDecisionDocument(
  database: Database,
  options: { id: number; aidId: number; user: SessionUser; ip: string | null },
): Promise<{ fileName: string; content: Buffer }> {
  const { id, aidId, user } = options;
  return database.db.transaction(async (tx) => {
    const theCase = await lockCase(tx, id, user);
    const [aid] = await tx
      .select()
      .from(judicialAids)
      .where(and(eq(judicialAids.id, aidId), eq(judicialAids.caseId, id)));
    if (!aid) throw notFound('司法救助记录');
    // The full view's rule: masked readers may not print the full name (403 from masksFor on juvenile cases).
    if (masksFor(user, theCase, true)) {
      throw new DomainError('FORBIDDEN', '司法救助决定书载有申请人完整信息，仅由本案承办部门生成');
    }
    if (aid.decision === 'pending' || !aid.decidedOn) {
      throw new DomainError('VALIDATION', '该申请尚未决定，不能生成司法救助决定书');
    }
    const [procuratorate] = await tx.select({ name: schema.procuratorate.name }).from(schema.procuratorate);
    const court = procuratorate?.name ?? '';
    const who = `${aid.applicantName}${aid.applicantIdNumber ? `（公民身份号码：${aid.applicantIdNumber}）` : ''}`;
    const basis =
      aid.category === 'juvenile' ? `依照${juvenileBasis}的规定，` : '依照国家司法救助的有关规定，';
    const decision =
      aid.decision === 'granted'
        ? [
            bodyLine(
              `${basis}决定给予申请人国家司法救助金人民币 ${formatYuan(aid.approvedFen ?? 0)} 元，一次性发放。`,
            ),
          ]
        : [bodyLine(`${basis}决定不予救助。理由如下：`), ...paragraphs(aid.decisionNote ?? '')];
    const content = await renderOfficialDocument({
      creator: court,
      title: '国家司法救助决定书',
      children: [
        heading(court),
        heading('国家司法救助决定书', { spaceAfter: true }),
        rightLine(`${theCase.caseNumber}（救助 ${aid.id}）`, { spaceAfter: true }),
        addresseeLine(`申请人：${who}`),
        bodyLine(
          `申请人于${chineseDate(aid.appliedOn)}向本院申请国家司法救助。申请事由：${judicialAidCategories[aid.category]}。`,
        ),
        ...paragraphs(aid.reason ?? ''),
        bodyLine('本院经审查，'),
        ...decision,
        blankLine(),
        ...signature(court, aid.decidedOn),
      ],
    });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'judicialAid.document',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, aidId, decision: aid.decision },
    });
    return { fileName: `司法救助决定书-${theCase.caseNumber}-${aid.id}.docx`, content };
  });
}
