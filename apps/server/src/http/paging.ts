import { z } from 'zod';

/** The most rows one page may ask for. */
export const maxPageSize = 200;

/**
 * `page` and `pageSize` in a list's query string, for spreading into its strict object:
 * `z.strictObject({ …filters, ...ZPageQuery(50) })`. `defaultPageSize` is the list's page when the
 * client names none (20 unless the module says otherwise).
 */
export function ZPageQuery(defaultPageSize = 20) {
  return {
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  };
}
