import { isIP } from 'node:net';

/**
 * Which peers may tell the client's address in X-Forwarded-For: Fastify's `trustProxy` as a list
 * of the reverse proxy's own addresses or networks, or a number of proxy hops. Never `true`:
 * trusting every peer lets any client write its own address into the audit log and step around
 * the per-address login limit.
 */
export type TrustProxy = false | number | string[];

/** Names proxy-addr understands for whole ranges (127.0.0.1/8 and ::1, 169.254.0.0/16, 10/8…). */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

const usage =
  'PROCURA_TRUST_PROXY 应为反向代理自身的地址或网段（逗号分隔，如 10.0.0.5,192.168.1.0/24 或 loopback），或 hops:N（代理层数）';

/** Parses PROCURA_TRUST_PROXY; refuses what would trust every client, with a message saying why. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (text === '1' || text.toLowerCase() === 'true' || text === '*') {
    throw new Error(
      `PROCURA_TRUST_PROXY=${text} 会信任任何客户端自报的 X-Forwarded-For（伪造地址可绕过登录频率限制并写入审计日志），已不再支持。${usage}`,
    );
  }
  const hops = /^hops:(\d+)$/i.exec(text);
  if (hops) {
    const count = Number.parseInt(hops[1]!, 10);
    if (count < 1 || count > 10) throw new Error(`PROCURA_TRUST_PROXY 的代理层数应在 1 到 10 之间：${text}`);
    return count;
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isAddressOrNetwork(entry))
      throw new Error(`PROCURA_TRUST_PROXY 中的「${entry}」不是地址或网段。${usage}`);
  }
  return entries;
}

function isAddressOrNetwork(entry: string): boolean {
  if (namedRanges.has(entry.toLowerCase())) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number.parseInt(prefix, 10);
  // A network that holds every address (0.0.0.0/0, ::/0) is `true` in disguise.
  return bits >= 1 && bits <= (family === 4 ? 32 : 128);
}

/** Fastify's form: a list as is; N hops as "the first N addresses from the socket are proxies". */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
