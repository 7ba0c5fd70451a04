import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export interface AuditContent {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export const genesisHash = '0'.repeat(64);

/** SM3(prevHash + canonical JSON of the entry): editing, inserting or removing a row breaks the chain. */
export function auditHash(prevHash: string, entry: AuditContent): string {
  // Name the covered fields: a row read back also carries prevHash and hash, which must not count.
  const canonical = canonicalJson({
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    detail: entry.detail,
  });
  return createHash('sm3').update(prevHash).update(canonical).digest('hex');
}

export interface ChainBreak {
  id: number;
  reason: string;
}

/**
 * Checks entries in id order. The first entry chains to `genesisHash`; every later one to its
 * predecessor's hash. Returns the first entry whose link or content does not hold.
 */
export function findChainBreak(
  entries: Iterable<AuditContent & { prevHash: string; hash: string }>,
  startHash: string = genesisHash,
): ChainBreak | null {
  let prev = startHash;
  for (const entry of entries) {
    if (entry.prevHash !== prev) {
      return { id: entry.id, reason: '与上一条记录的链接不符（上一条被删除、插入或修改）' };
    }
    if (auditHash(entry.prevHash, entry) !== entry.hash) {
      return { id: entry.id, reason: '内容与哈希不符（该条记录被修改）' };
    }
    prev = entry.hash;
  }
  return null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
