import { z } from 'zod';

/** Record ids are PostgreSQL `integer` (serial) columns: 1 … 2^31 − 1. */
export const maxId = 2_147_483_647;

const idMessage = `编号无效：应为 1 到 ${maxId} 之间的整数`;

/**
 * An id in a JSON body. Anything PostgreSQL could not compare with an integer column (2^31 and up,
 * fractions, zero) is refused here with a Chinese message instead of failing in the database.
 */
export const ZId = z.number(idMessage).int(idMessage).min(1, idMessage).max(maxId, idMessage);

/** An id in a path or query string (text, coerced to a number). */
export const ZIdParam = z.coerce.number(idMessage).int(idMessage).min(1, idMessage).max(maxId, idMessage);

/** `/:id` paths. */
export const ZIdParams = z.strictObject({ id: ZIdParam });
