import { createHash } from 'node:crypto';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import {
  blankLine,
  bodyLine,
  chineseDate,
  heading,
  paragraphs,
  renderOfficialDocument,
  rightLine,
} from '../documents/official-document.ts';
import { DomainError } from '../errors.ts';
import { docxMime } from '../suggestions/archive-suggestion-document.ts';
import { loadHearing, reachHearing } from './load.ts';
import type { THearing } from './schema.ts';

export interface MinutesDocument {
  procuratorate: string;
  caseNumber: string;
  caseTitle: string;
  hearing: THearing;
}

/** 听证笔录 in the official layout: 院名, title, the hearing's particulars, what was said, opinions. */
export function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const h = doc.hearing;
  const when = `${chineseDate(h.heldOn)}${h.startsAt ? ` ${h.startsAt}` : ''}`;
  const people = h.participants.map((p) => `${p.roleLabel}：${p.name}`);
  const officers = h.panel.map(
    (o) =>
      `${o.name}（${o.occupation}${o.organisation ? `，${o.organisation}` : ''}；${o.methodLabel}${o.method === 'random' ? `，种子 ${o.seed}` : `，理由：${o.reason}`}）`,
  );
  return renderOfficialDocument({
    creator: doc.procuratorate,
    title: '听证笔录',
    children: [
      heading(doc.procuratorate),
      heading('听证笔录', { spaceAfter: true }),
      bodyLine(`案号：${doc.caseNumber}`),
      bodyLine(`案件名称：${doc.caseTitle}`),
      bodyLine(`听证事项：${h.question}`),
      bodyLine(`听证时间：${when}`),
      bodyLine(`听证地点：${h.place}`),
      bodyLine(`听证员：${officers.join('；')}`),
      ...(people.length > 0 ? [bodyLine(`听证参加人：${people.join('；')}`)] : []),
      ...h.notices.map((n) =>
        bodyLine(`听证通知：${chineseDate(n.sentOn)}通知${n.recipient}${n.means ? `（${n.means}）` : ''}`),
      ),
      blankLine(),
      bodyLine('听证经过：'),
      ...paragraphs(h.minutes ?? ''),
      blankLine(),
      bodyLine('听证员意见：'),
      ...h.panel.map((o) => bodyLine(`听证员${o.name}：${o.opinion ?? '（未发表意见）'}`)),
      ...(h.decisionUse ? [blankLine(), bodyLine('听证意见采纳情况：'), ...paragraphs(h.decisionUse)] : []),
      blankLine(),
      rightLine(doc.procuratorate),
      rightLine(chineseDate(h.heldOn)),
    ],
  });
}

/**
 * Prints the 听证笔录 and archives it on the case (downloaded like every case document). Refused,
 * naming what is missing, before the officers are seated and the minutes written. Names are the
 * full ones: only the case's department prints it.
 */
export async function generateMinutes(
  database: Database,
  options: { id: number; user: SessionUser; ip: string | null },
): Promise<{ documentId: number; hearing: THearing }> {
  const { id, user } = options;
  return database.db.transaction(async (tx) => {
    const { theCase } = await reachHearing(tx, id, user, { lock: true });
    if (user.department?.id !== theCase.departmentId) {
      throw new DomainError('FORBIDDEN', '听证笔录载有当事人姓名，只能由承办部门生成');
    }
    const hearing = await loadHearing(tx, id, theCase, user);
    const missing = [
      ...(hearing.panel.length === 0 ? ['听证员'] : []),
      ...(hearing.minutes ? [] : ['听证经过']),
    ];
    if (missing.length > 0)
      throw new DomainError('VALIDATION', `生成听证笔录前请填写：${missing.join('、')}`);
    const [procuratorate] = await tx.select({ name: schema.procuratorate.name }).from(schema.procuratorate);
    const content = await renderMinutesDocx({
      procuratorate: procuratorate?.name ?? '',
      caseNumber: theCase.caseNumber,
      caseTitle: theCase.title,
      hearing,
    });
    const [document] = await tx
      .insert(schema.caseDocuments)
      .values({
        caseId: theCase.id,
        name: `听证笔录 ${hearing.heldOn}.docx`,
        mime: docxMime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        createdBy: user.id,
      })
      .returning({ id: schema.caseDocuments.id });
    await tx.update(schema.hearings).set({ documentId: document!.id }).where(eq(schema.hearings.id, id));
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'hearing.generateMinutes',
      targetType: 'case',
      targetId: theCase.id,
      ip: options.ip,
      detail: { hearingId: id, documentId: document!.id },
    });
    return { documentId: document!.id, hearing: { ...hearing, documentId: document!.id } };
  });
}
