/**
 * Words that make a campus-mailbox letter urgent: abuse, bullying, self-harm. A false alarm costs
 * a prosecutor a minute; a missed one can cost a child, so the lists lean towards flagging.
 * 未成年人保护法 第十一条: anyone learning that a minor is being harmed reports it at once.
 */
export const urgentCategories = {
  violence: {
    label: '暴力/欺凌',
    words: [
      '虐待',
      '家暴',
      '打我',
      '被打',
      '围殴',
      '扇我',
      '踢我',
      '霸凌',
      '欺凌',
      '欺负',
      '勒索',
      '要钱',
      '威胁我',
      '孤立我',
    ],
  },
  sexual: {
    label: '性侵害',
    words: ['性侵', '强奸', '猥亵', '摸我', '脱我', '侵犯我', '拍我裸', '裸照'],
  },
  selfHarm: {
    label: '自伤自杀',
    words: ['自杀', '自残', '自伤', '割腕', '跳楼', '轻生', '想死', '不想活', '活不下去', '结束生命', '去死'],
  },
  other: {
    label: '其他紧急',
    words: ['关起来', '不给饭吃', '救救我', '救命'],
  },
} as const;

export type TUrgentCategory = keyof typeof urgentCategories;

export interface UrgentReason {
  category: TUrgentCategory;
  word: string;
}

/** One category of a letter and the words of it the letter used, for a tag of its own. */
export interface UrgentCategoryMatch {
  category: TUrgentCategory;
  label: string;
  words: string[];
}

/** Text as matched: full-width folded, spaces and punctuation removed, so "自 杀" or "自-杀" still match. */
export function matchableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Every word found, with its category, in the order of the categories; empty when nothing is urgent. */
export function detectUrgency(text: string): UrgentReason[] {
  const plain = matchableText(text);
  const reasons: UrgentReason[] = [];
  for (const [category, { words }] of Object.entries(urgentCategories) as [
    TUrgentCategory,
    (typeof urgentCategories)[TUrgentCategory],
  ][]) {
    for (const word of words) if (plain.includes(word)) reasons.push({ category, word });
  }
  return reasons;
}

const categoryOfWord = new Map<string, TUrgentCategory>(
  (Object.entries(urgentCategories) as [TUrgentCategory, { words: readonly string[] }][]).flatMap(
    ([category, { words }]) => words.map((word) => [word, category] as const),
  ),
);

/**
 * The reasons grouped by category, each with the words that matched. The category is looked up
 * from the word, so letters stored under the old broad categories (abuse 虐待、性侵害, bullying) are
 * shown in today's: a letter saying 打我 is 暴力/欺凌, not 性侵害.
 */
export function urgentCategoryMatches(
  reasons: readonly { category: string; word: string }[],
): UrgentCategoryMatch[] {
  const found = new Map<TUrgentCategory, string[]>();
  for (const { word } of reasons) {
    const category = categoryOfWord.get(word) ?? 'other';
    const words = found.get(category) ?? [];
    if (!words.includes(word)) words.push(word);
    found.set(category, words);
  }
  return (Object.keys(urgentCategories) as TUrgentCategory[])
    .filter((category) => found.has(category))
    .map((category) => ({ category, label: urgentCategories[category].label, words: found.get(category)! }));
}

/** 暴力/欺凌（“打我”“被打”）、自伤自杀（“不想活”） */
export function urgentReasonText(reasons: readonly { category: string; word: string }[]): string {
  return urgentCategoryMatches(reasons)
    .map((match) => `${match.label}（${match.words.map((word) => `“${word}”`).join('')}）`)
    .join('、');
}
