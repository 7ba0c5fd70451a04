import { ZLine } from '@procura/domain/roles';
import { z } from 'zod';

export const ZDepartment = z.object({
  id: z.number(),
  name: z.string(),
  line: ZLine,
  lineLabel: z.string(),
  userCount: z.number(),
});
export type TDepartment = z.infer<typeof ZDepartment>;

/** A colleague who can handle clues and cases (承办人), for handler pickers and filters. */
export const ZHandler = z.object({
  id: z.number(),
  displayName: z.string(),
  roleLabel: z.string(),
  department: z.object({ id: z.number(), name: z.string() }),
});
export type THandler = z.infer<typeof ZHandler>;
