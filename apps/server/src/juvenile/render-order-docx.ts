import { guardianshipBasis } from '@procura/domain/juvenile/follow-up';
import {
  addresseeLine,
  blankLine,
  chineseDate,
  heading,
  paragraphs,
  renderOfficialDocument,
  signature,
} from '../documents/official-document.ts';

export interface OrderDocument {
  procuratorate: string;
  guardianName: string;
  relation: string;
  minorName: string;
  facts: string;
  requirements: string;
  partnerBody: string;
  sessions: { on: string; topic: string }[];
  /** Day of issue in China ('YYYY-MM-DD'). */
  date: string;
}

/** 督促监护令 in the layout of the 检察建议书: 院名, title, addressee, body, date, seal. */
export function renderOrderDocx(doc: OrderDocument): Promise<Buffer> {
  const plan = doc.sessions.map((s, i) => `${i + 1}. ${chineseDate(s.on)}：${s.topic}`).join('\n');
  return renderOfficialDocument({
    creator: doc.procuratorate,
    title: '督促监护令',
    children: [
      heading(doc.procuratorate),
      heading('督促监护令', { spaceAfter: true }),
      addresseeLine(`${doc.guardianName.trim()}（${doc.minorName}之${doc.relation}）：`),
      ...paragraphs(doc.facts),
      ...paragraphs(`根据${guardianshipBasis}的规定，本院责令你依法履行监护职责，并做到以下事项：`),
      ...paragraphs(doc.requirements),
      ...paragraphs(`你应当按期接受${doc.partnerBody}开展的家庭教育指导${plan ? '，安排如下：' : '。'}`),
      ...paragraphs(plan),
      blankLine(),
      ...signature(doc.procuratorate, doc.date),
    ],
  });
}
