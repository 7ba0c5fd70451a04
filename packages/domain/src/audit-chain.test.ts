import { describe, expect, it } from 'vitest';
import { type AuditContent, auditHash, canonicalJson, findChainBreak, genesisHash } from './audit-chain.ts';

function chain(count: number) {
  const entries: (AuditContent & { prevHash: string; hash: string })[] = [];
  let prev = genesisHash;
  for (let id = 1; id <= count; id++) {
    const content: AuditContent = {
      id,
      at: new Date(Date.UTC(2026, 0, 1, 8, 0, id)),
      actorId: id % 2 ? 7 : null,
      actorName: `用户${id}`,
      action: 'user.update',
      targetType: 'user',
      targetId: String(id),
      ip: '10.1.2.3',
      detail: { to: { displayName: `新名${id}` }, from: { displayName: `旧名${id}` } },
    };
    const hash = auditHash(prev, content);
    entries.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('audit chain', () => {
  it('verifies an untouched chain, including rows read back with their own hash fields', () => {
    expect(findChainBreak(chain(10))).toBeNull();
  });

  it('names the edited entry when its content changes', () => {
    const entries = chain(10);
    entries[4]!.actorName = '别人';
    expect(findChainBreak(entries)).toEqual({ id: 5, reason: expect.stringContaining('被修改') });
  });

  it('names the entry after a deleted one', () => {
    const entries = chain(10);
    entries.splice(3, 1);
    expect(findChainBreak(entries)?.id).toBe(5);
  });

  it('detects a rewritten hash because the next entry no longer links to it', () => {
    const entries = chain(5);
    entries[1]!.detail = { forged: true };
    entries[1]!.hash = auditHash(entries[1]!.prevHash, entries[1]!);
    expect(findChainBreak(entries)?.id).toBe(3);
  });

  it('ignores key order in details, as jsonb reorders keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ y: 1, x: 2 }] } })).toBe(
      '{"a":{"c":[{"x":2,"y":1}],"d":2},"b":1}',
    );
  });

  it('uses SM3 (64 hex digits) and depends on the previous hash', () => {
    const [entry] = chain(1);
    const hash = auditHash(genesisHash, entry!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('f'.repeat(64), entry!)).not.toBe(hash);
  });
});
