import {
  addresseeLine,
  blankLine,
  chineseDate,
  heading,
  paragraphs,
  renderOfficialDocument,
  rightLine,
  signature,
} from '../documents/official-document.ts';
import type { TSuggestionKind } from './labels.ts';

export interface SuggestionDocument {
  procuratorate: string;
  /** null before issue: the number line then says it is allocated on issue. */
  docNumber: string | null;
  kind: TSuggestionKind;
  addressee: string;
  facts: string;
  legalBasis: string;
  requests: string;
  urgent: boolean;
  /** Day of issue in China ('YYYY-MM-DD'). */
  date: string;
  /** The case the suggestion comes from: its name and the China day it was opened (立案). */
  caseTitle: string;
  openedOn: string;
  /** 联系人 (the handler when none is set) and 联系电话; a line at the foot when either is known. */
  contactName: string;
  contactPhone: string;
  /** 抄送, printed under the seal when set. */
  copyTo: string;
}

/**
 * The standard opening: how the matter came to the procuratorate and when the case was opened
 * (本院在履行职责中发现……线索，于……立案调查). A pre-litigation case is 立案调查, others 立案审查.
 */
export function openingSentence(doc: Pick<SuggestionDocument, 'kind' | 'caseTitle' | 'openedOn'>): string {
  const matter = doc.caseTitle.trim().replace(/[。，,.;；\s]+$/, '');
  const opened = doc.kind === 'preLitigation' ? '立案调查' : '立案审查';
  return `本院在履行职责中发现${matter}线索，于${chineseDate(doc.openedOn)}${opened}。现查明：`;
}

/** （联系人：……，联系电话：……）, or null when neither is known. */
export function contactLine(doc: Pick<SuggestionDocument, 'contactName' | 'contactPhone'>): string | null {
  const parts = [
    doc.contactName.trim() && `联系人：${doc.contactName.trim()}`,
    doc.contactPhone.trim() && `联系电话：${doc.contactPhone.trim()}`,
  ].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : null;
}

const pilInterpretation =
  '《最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》第二十一条第二款';
const organisationLaw = '《中华人民共和国人民检察院组织法》第二十一条';

/** The reply request: the period (两个月, 十五日 when urgent) and the article it rests on. */
export function replySentence(kind: TSuggestionKind, urgent: boolean): string {
  const period = urgent ? '十五日' : '两个月';
  if (kind === 'preLitigation') {
    return `根据${pilInterpretation}的规定，请你单位在收到本检察建议书之日起${period}内依法履行职责，并书面回复本院。`;
  }
  return `根据${organisationLaw}的规定，请你单位在收到本检察建议书之日起${period}内将采纳检察建议的情况书面回复本院。`;
}

/**
 * 检察建议书 in the usual layout: 院名 and title centred, 文号 right, 被建议单位, the opening, the
 * drafter's facts, basis and requests, the reply request, the contact line, date and seal, 抄送.
 */
export function renderSuggestionDocx(doc: SuggestionDocument): Promise<Buffer> {
  const basis = doc.legalBasis.trim().replace(/[。，,.;；\s]+$/, '');
  return renderOfficialDocument({
    creator: doc.procuratorate,
    title: doc.docNumber ? `检察建议书 ${doc.docNumber}` : '检察建议书（未签发）',
    children: [
      heading(doc.procuratorate),
      heading('检察建议书', { spaceAfter: true }),
      rightLine(doc.docNumber ?? '（文号于签发时分配）', { spaceAfter: true }),
      addresseeLine(`${doc.addressee.trim()}：`),
      ...paragraphs(openingSentence(doc)),
      ...paragraphs(doc.facts),
      ...paragraphs(`根据${basis}的规定，本院向你单位提出如下检察建议：`),
      ...paragraphs(doc.requests),
      ...paragraphs(replySentence(doc.kind, doc.urgent)),
      ...paragraphs(contactLine(doc) ?? ''),
      blankLine(),
      blankLine(),
      ...signature(doc.procuratorate, doc.date),
      ...(doc.copyTo.trim()
        ? [blankLine(), addresseeLine(`抄送：${doc.copyTo.trim().replace(/[。.]+$/, '')}。`)]
        : []),
    ],
  });
}
