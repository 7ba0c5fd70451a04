import { z } from 'zod';
import { ZIdParam } from '../http/ids.ts';

export const ZNotification = z.object({
  id: z.number(),
  kind: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationQuery = z.strictObject({ unread: z.enum(['true', 'false']).optional() });
export const ZNotificationIdParams = z.strictObject({ id: ZIdParam });
