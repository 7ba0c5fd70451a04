import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server log holds no personal data: no request body, no query string, no SQL statement and
 * no SQL parameter (a failed INSERT of a clue would otherwise write the clue's text, a minor's
 * name, into the log). What it keeps is enough to find the fault: the route, the status, the error
 * type, PostgreSQL's error code and the stack.
 */

const censor = '[已隐去]';

/** Field names that must never be logged, wherever they appear on a logged object. */
const redactPaths = [
  'body',
  'req.body',
  'request.body',
  'query',
  'params',
  'password',
  '*.body',
  '*.password',
  '*.query',
  '*.params',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

/** The fields of a PostgreSQL error (pg or PGlite) that name the fault without quoting data. */
const databaseFields = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: unknown;
  statusCode?: unknown;
  cause?: SafeError;
  [field: string]: unknown;
}

/** Only the "    at …" frames: the first lines of a stack repeat the message. */
const framesOf = (stack: string | undefined) =>
  stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');

const isDatabaseError = (error: Error & { code?: unknown; severity?: unknown }) =>
  typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && 'severity' in error;

/**
 * PostgreSQL's data errors quote the value they refused (`value "…" is out of range`, `invalid
 * input syntax for type integer: "…"`); the quoted parts are withheld.
 */
const withoutQuotedValues = (message: string) => message.replace(/"[^"]*"/g, '"…"');

/**
 * pino's `err` serializer, with an allow-list: drizzle's DrizzleQueryError (message `Failed query:
 * <sql> params: <values>`, fields `query` and `params`) becomes its type and its cause; database
 * errors keep their code and the names of table, column and constraint, never `detail`, `where`,
 * `query` or `params`.
 */
export function serializeError(error: unknown, depth = 0): SafeError | unknown {
  if (!(error instanceof Error))
    return typeof error === 'string' ? { type: 'string', message: '[非 Error 对象]' } : error;
  const withFields = error as Error & Record<string, unknown>;
  const type = error.constructor?.name || error.name || 'Error';
  const safe: SafeError = { type, message: error.message };
  const stack = framesOf(error.stack);
  if (stack) safe.stack = stack;

  if (isDatabaseError(withFields)) {
    // PGlite's errors also carry `query` and `params`: only the allow-listed fields are kept.
    safe.message = withoutQuotedValues(error.message);
    for (const field of databaseFields) {
      if (withFields[field] !== undefined) safe[field] = withFields[field];
    }
  } else if (type === 'DrizzleQueryError' || 'query' in withFields || 'params' in withFields) {
    safe.message = 'database query failed (statement and parameters withheld)';
  } else {
    if (withFields.code !== undefined) safe.code = withFields.code;
    if (withFields.statusCode !== undefined) safe.statusCode = withFields.statusCode;
  }
  if (error.cause !== undefined && depth < 5)
    safe.cause = serializeError(error.cause, depth + 1) as SafeError;
  return safe;
}

/** The request as logged: method, path (never the query string), client address. */
export function serializeRequest(request: IncomingMessage & { ip?: string }): Record<string, unknown> {
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  return {
    method: request.method,
    url: queryAt === -1 ? url : `${url.slice(0, queryAt)}?${censor}`,
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
  };
}

export interface LoggerOptions {
  level: string;
  /** Where lines go; standard output when omitted (tests pass a stream to read them). */
  destination?: DestinationStream;
}

/** The one logger of `procura serve`; Fastify's request logs go through it. */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor },
      serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    },
    destination,
  );
}
