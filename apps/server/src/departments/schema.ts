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
