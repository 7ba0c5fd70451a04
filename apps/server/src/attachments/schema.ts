import { z } from 'zod';
import { ZIdParam } from '../http/ids.ts';

export const ZAttachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }),
  uploadedAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZUploadQuery = z.object({
  name: z.string().trim().min(1, '请提供文件名').max(200, '文件名不能超过 200 个字'),
});

export const ZOwnerFileParams = z.object({
  id: ZIdParam,
  attachmentId: ZIdParam,
});
