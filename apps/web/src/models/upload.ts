import type { TUploadResult } from '@procura/server/models/schema';
import { ApiError, endsSession } from '../api/errors.ts';
import { sessionLost } from '../api/session.ts';

/**
 * Sends a file as the request body with upload progress (fetch reports none): XMLHttpRequest,
 * with errors turned into the same ApiError as every other call.
 */
export function uploadDataset(
  file: File,
  kind: string,
  onProgress: (percent: number) => void,
): Promise<TUploadResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ kind, fileName: file.name });
    request.open('POST', `/api/datasets?${query}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络'));
    request.onload = () => {
      let body: { code?: string; message?: string } | TUploadResult | undefined;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as TUploadResult);
        return;
      }
      const failure = body as { code?: string; message?: string } | undefined;
      const error =
        failure?.code && failure.message
          ? new ApiError(request.status, failure.code, failure.message)
          : new ApiError(request.status, 'HTTP_ERROR', `服务器返回错误（HTTP ${request.status}）`);
      if (endsSession(error)) sessionLost(error.code);
      reject(error);
    };
    request.send(file);
  });
}
