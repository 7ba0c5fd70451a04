import { Stream } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Called before a request with a NUL character is refused, for routes that must still record
     * the attempt (the login audits a refused login).
     */
    onNulRefused?: (request: FastifyRequest) => Promise<void>;
  }
}

export const nulMessage = '含有不允许的控制字符（NUL），请删除后重试';

/** The path (`body.title`, `query.name`) of the first string or key holding U+0000, if any. */
export function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  // Raw uploads are bytes, not text; they are checked by their own readers. A streamed upload's body
  // is the request stream itself: walking it (socket, server, …) would never end.
  if (
    value === null ||
    typeof value !== 'object' ||
    Buffer.isBuffer(value) ||
    value instanceof Stream ||
    depth > 64
  )
    return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}.${index}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = findNul(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL that reached the database failed there as a 500, with
 * the statement and its parameters in the error. Every string of a request (body, query, path) is
 * checked before validation and a NUL is refused with 400.
 */
export function registerNulByteGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where =
      findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
    if (!where) return;
    await request.routeOptions.config?.onNulRefused?.(request);
    const field = where.split('.').slice(1).join('.');
    throw new DomainError('VALIDATION', field ? `字段 ${field}：${nulMessage}` : `请求${nulMessage}`);
  });
}

/** For logs and audit entries: the text with each NUL shown as U+FFFD, which PostgreSQL stores. */
export const withoutNul = (text: string): string => text.replaceAll('\u0000', '\uFFFD');
