/** An error answered by the API (`{ code, message }`), or a failure to reach it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * A 401 that means the session is over (not logged in, expired, account gone). A 401 with
 * INVALID_CREDENTIALS is a wrong password (login, change password) and leaves the session alone.
 */
export function endsSession(error: ApiError): boolean {
  return error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

/** The Chinese text to show for any error thrown while talking to the server. */
export function errorText(error: unknown): string {
  if (isApiError(error)) return error.message;
  return '操作失败，请稍后重试';
}
