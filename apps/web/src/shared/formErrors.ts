import type { FormInstance } from 'antd';
import { isApiError } from '../api/errors.ts';
import { notifyError } from '../api/notify.ts';

/**
 * Shows a server error next to the form field it concerns (by error code), or as a toast when no
 * field fits. Use with mutations that have `meta: { silent: true }`.
 */
export function showFormError<T>(
  form: FormInstance<T>,
  error: unknown,
  fieldsByCode: Record<string, string>,
): void {
  const field = isApiError(error) ? fieldsByCode[error.code] : undefined;
  if (field && isApiError(error)) {
    form.setFields([{ name: field as never, errors: [error.message] }]);
    return;
  }
  notifyError(error);
}
