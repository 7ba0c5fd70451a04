/**
 * Words that make a campus-mailbox letter urgent: abuse, bullying, self-harm. A false alarm costs
 * a prosecutor a minute; a missed one can cost a child, so the lists lean towards flagging.
 * 未成年人保护法 第十一条: anyone learning that a minor is being harmed reports it at once.
 */
export const urgentCategories = {
  abuse: {
    label: '虐待、性侵害',
    words: [
      '虐待',
      '家暴',
      '打我',
      '性侵',
      '强奸',
      '猥亵',
      '摸我',
      '脱我',
      '侵犯我',
      '拍我裸',
      '裸照',
      '关起来',
      '不给饭吃',
    ],
  },
  bullying: {
    label: '校园欺凌',
    words: ['霸凌', '欺凌', '欺负', '被打', '围殴', '勒索', '要钱', '威胁我', '孤立我', '扇我', '踢我'],
  },
  selfHarm: {
    label: '自伤、自杀风险',
    words: ['自杀', '自残', '自伤', '割腕', '跳楼', '轻生', '想死', '不想活', '活不下去', '结束生命', '去死'],
  },
} as const;

export type TUrgentCategory = keyof typeof urgentCategories;

export interface UrgentReason {
  category: TUrgentCategory;
  word: string;
}

/** Text as matched: full-width folded, spaces and punctuation removed, so "自 杀" or "自-杀" still match. */
export function matchableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Every category and the first word of it found in the letter; empty when nothing is urgent. */
export function detectUrgency(text: string): UrgentReason[] {
  const plain = matchableText(text);
  const reasons: UrgentReason[] = [];
  for (const [category, { words }] of Object.entries(urgentCategories) as [
    TUrgentCategory,
    (typeof urgentCategories)[TUrgentCategory],
  ][]) {
    const word = words.find((w) => plain.includes(w));
    if (word) reasons.push({ category, word });
  }
  return reasons;
}

export function urgentReasonText(reasons: readonly UrgentReason[]): string {
  return reasons.map((r) => `${urgentCategories[r.category].label}（“${r.word}”）`).join('、');
}
