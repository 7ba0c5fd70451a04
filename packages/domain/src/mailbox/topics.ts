import { z } from 'zod';
import type * as states from '../states.ts';
import { matchableText } from './urgency.ts';

/**
 * What students write about, so prevention work (法治进校园 lessons, class-case suggestions) can
 * target it. A writer may pick one; otherwise the text is classified by keywords.
 */
export const letterTopics = {
  bullying: {
    label: '校园欺凌',
    keywords: ['霸凌', '欺凌', '欺负', '被打', '打架', '勒索', '孤立', '起外号'],
  },
  family: {
    label: '家庭与监护',
    keywords: ['爸爸', '妈妈', '父母', '家暴', '家里', '离婚', '爷爷', '奶奶', '监护'],
  },
  sexualSafety: {
    label: '防性侵与自我保护',
    keywords: ['性侵', '猥亵', '摸我', '隐私部位', '裸照', '强奸', '侵犯'],
  },
  online: {
    label: '网络安全',
    keywords: ['网络', '网上', '游戏', '充值', '诈骗', '直播', '网贷', '刷单', '手机'],
  },
  mentalHealth: {
    label: '心理健康',
    keywords: ['压力', '焦虑', '抑郁', '难过', '想死', '不想活', '自杀', '自残', '失眠', '孤独'],
  },
  legalQuestion: {
    label: '法律咨询',
    keywords: ['法律', '犯法', '违法', '犯罪', '坐牢', '判刑', '报警', '权利', '打工', '童工'],
  },
  other: { label: '其他', keywords: [] },
} as const satisfies Record<(typeof states.letterTopicIds)[number], unknown>;

export type TLetterTopic = keyof typeof letterTopics;
export const letterTopicIds = Object.keys(letterTopics) as TLetterTopic[];
export const ZLetterTopic = z.enum(letterTopicIds as [TLetterTopic, ...TLetterTopic[]]);

/** The topic whose keywords occur most often; `other` when none occurs (ties: the earlier topic). */
export function classifyTopic(text: string): TLetterTopic {
  const plain = matchableText(text);
  let best: TLetterTopic = 'other';
  let bestCount = 0;
  for (const topic of letterTopicIds) {
    let count = 0;
    for (const keyword of letterTopics[topic].keywords) {
      if (plain.includes(keyword)) count += 1;
    }
    if (count > bestCount) {
      best = topic;
      bestCount = count;
    }
  }
  return best;
}
