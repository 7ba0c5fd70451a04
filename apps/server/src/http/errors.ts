import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../errors.ts';

const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: '请求体为空，应为 JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION', message: '请求长度不正确' },
};

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * PostgreSQL data errors a request's values can cause (SQLSTATE class 22): a number too large for
 * its column, a NUL or an invalid character in text, an impossible date.
 */
const databaseRefusals: Record<string, string> = {
  '22003': '数值超出允许范围',
  '22021': '文字含有不允许的字符',
  '22P05': '文字含有不允许的字符',
  '22007': '日期或时间格式不正确',
  '22008': '日期或时间超出允许范围',
  '22P02': '参数格式不正确',
};

/** The Chinese message for a database error caused by the request's data (searched along `cause`). */
function databaseRefusal(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && 'severity' in current && databaseRefusals[code])
      return databaseRefusals[code];
    current = current.cause;
  }
  return undefined;
}

/** The one HTTP mapping of errors: every failure leaves as `{ code, message }` in Chinese. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, ...error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const path = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const where = path ? `字段 ${path}：` : '';
      const message = `${where}${issue?.message ?? '请求参数无效'}`;
      return reply.status(400).send({ code: 'VALIDATION', message });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) {
      const status = error.statusCode ?? 400;
      const message =
        known.code === 'PAYLOAD_TOO_LARGE'
          ? `${known.message}（上限 ${sizeLabel(request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit!)}）`
          : known.message;
      return reply.status(status).send({ code: known.code, message });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    const refused = databaseRefusal(error);
    if (refused) {
      // A value our validation should have stopped reached the database; the client still gets 400.
      request.log.warn({ err: error }, 'the database refused a value of the request');
      return reply.status(400).send({ code: 'VALIDATION', message: refused });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系管理员' });
  });
}
