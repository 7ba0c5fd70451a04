import { createHash } from 'node:crypto';

/** The draw as the record states it, so anyone can repeat it from the seed and the candidates. */
export const drawMethodDescription =
  '将候选听证员按“种子:编号”的SHA-256摘要升序排列，取前若干名（可凭种子和候选名单复核）';

/**
 * The random draw: candidates ordered by SHA-256 of `seed:id`, the first `count` taken. The same
 * seed and candidates always give the same officers, so the draw can be checked afterwards.
 */
export function drawOfficers(seed: string, candidateIds: readonly number[], count: number): number[] {
  const key = (id: number) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...candidateIds]
    .map((id) => ({ id, key: key(id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .slice(0, count)
    .map((c) => c.id);
}
