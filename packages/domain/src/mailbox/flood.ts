import { matchableText } from './urgency.ts';

/**
 * Campus-mailbox flood rules. A flood (a leaked link and a script) must never keep a genuine student
 * out, so nothing here refuses a letter: it only says which letters look like a flood, and the
 * juvenile department sees those apart (疑似刷信) and can release any of them.
 */
export const floodRules = {
  /** Letters looked at: those of the same school received within this window before the new one. */
  windowMs: 10 * 60_000,
  /** The same sender's letters in the window, this one included, from which all of them are suspected. */
  sameAddress: 5,
  /** Copies of (nearly) the same text in the window, this one included, from which all are suspected. */
  repeatedText: 3,
  /** Two texts are "the same" from this Dice similarity of their character pairs on. */
  similarity: 0.8,
  /** Letters to the school in the window, this one included, that make a burst. */
  burst: 20,
  /** In a burst, a letter resembling another this much (or from a sender seen in it) is suspected. */
  burstSimilarity: 0.5,
} as const;

export type TFloodReason = 'sameAddress' | 'repeatedText' | 'burst';

export const floodReasonLabels: Record<TFloodReason, string> = {
  sameAddress: '同一来源短时间内多次来信',
  repeatedText: '内容重复',
  burst: '短时间内大量来信',
};

export interface FloodLetter {
  id: number;
  at: Date;
  /** An opaque key of the writer's address (never the address), or null if unknown. */
  sender: string | null;
  body: string;
}

export interface FloodVerdict {
  /** Why the new letter is suspected; empty when it is not. */
  reasons: TFloodReason[];
  /** Earlier letters of the window that the new one shows to be part of the same flood. */
  alsoSuspected: number[];
}

/** The text as compared: folded like urgent words, and without digits (a script numbers its copies). */
export function floodText(body: string): string {
  return matchableText(body).replace(/\p{N}+/gu, '');
}

function pairs(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) counts.set(text, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the character pairs of two folded texts: 1 identical, 0 nothing in common. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pa = pairs(a);
  const pb = pairs(b);
  let total = 0;
  for (const n of pa.values()) total += n;
  for (const n of pb.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, n] of pa) shared += Math.min(n, pb.get(pair) ?? 0);
  return (2 * shared) / total;
}

/**
 * Whether a new letter looks like part of a flood, given the school's recent letters (any order,
 * any age: those outside the window are ignored). Pure: the caller supplies the clock via `at`.
 */
export function assessLetter(
  recent: readonly FloodLetter[],
  incoming: Omit<FloodLetter, 'id'>,
  rules: typeof floodRules = floodRules,
): FloodVerdict {
  const from = incoming.at.getTime() - rules.windowMs;
  const window = recent.filter((l) => l.at.getTime() > from && l.at.getTime() <= incoming.at.getTime());
  const text = floodText(incoming.body);
  const similarity = new Map(window.map((l) => [l.id, textSimilarity(text, floodText(l.body))]));
  const reasons: TFloodReason[] = [];
  const also = new Set<number>();

  const sameSender = incoming.sender === null ? [] : window.filter((l) => l.sender === incoming.sender);
  if (sameSender.length + 1 >= rules.sameAddress) {
    reasons.push('sameAddress');
    for (const l of sameSender) also.add(l.id);
  }

  const copies = window.filter((l) => similarity.get(l.id)! >= rules.similarity);
  if (copies.length + 1 >= rules.repeatedText) {
    reasons.push('repeatedText');
    for (const l of copies) also.add(l.id);
  }

  if (window.length + 1 >= rules.burst) {
    const alike = window.filter(
      (l) =>
        similarity.get(l.id)! >= rules.burstSimilarity || (l.sender !== null && l.sender === incoming.sender),
    );
    if (alike.length > 0) {
      reasons.push('burst');
      for (const l of alike) also.add(l.id);
    }
  }
  return { reasons, alsoSuspected: reasons.length > 0 ? [...also].sort((a, b) => a - b) : [] };
}

export function floodReasonText(reasons: readonly string[]): string {
  return reasons.map((r) => floodReasonLabels[r as TFloodReason] ?? r).join('、');
}
