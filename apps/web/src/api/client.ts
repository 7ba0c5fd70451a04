import { ApiError, endsSession } from './errors.ts';
import { sessionLost } from './session.ts';

type TQuery = Record<string, string | number | boolean | null | undefined>;

type TRequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: TQuery;
  body?: unknown;
  /** Raw bytes sent as application/octet-stream (a file upload) instead of a JSON body. */
  file?: Blob;
};

/** Requests whose 401 means "wrong password", never "session over". */
const credentialChecks = new Set(['/api/auth/login']);

function withQuery(path: string, query: TQuery | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(response.status, body.code, body.message);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, 'HTTP_ERROR', `服务器返回错误（HTTP ${response.status}）`);
}

/** Sends one request; a failure (network, or an error status) becomes an ApiError. */
async function send(path: string, options: TRequestOptions, accept: string): Promise<Response> {
  const { method = 'GET', query, body, file } = options;
  let response: Response;
  const contentType = file ? 'application/octet-stream' : body === undefined ? null : 'application/json';
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: contentType ? { accept, 'content-type': contentType } : { accept },
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (endsSession(error) && !credentialChecks.has(path)) sessionLost(error.code);
    throw error;
  }
  return response;
}

/** Calls the Procura API; resolves with the JSON body (undefined for 204), throws ApiError. */
export async function api<T>(path: string, options: TRequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name of a download: RFC 5987 `filename*` (the Chinese name) before `filename`. */
function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

/** Downloads a file answer (e.g. an .xlsx export) and saves it under the server's file name. */
export async function apiDownload(path: string, query?: TQuery): Promise<void> {
  const response = await send(path, { query }, '*/*');
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? 'download';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
