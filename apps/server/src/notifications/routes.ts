import { currentUser } from '../http/access.ts';
import type { App, RouteDeps } from '../http/app-types.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationRead } from './mark-notification-read.ts';
import { ZNotification, ZNotificationIdParams, ZNotificationList, ZNotificationQuery } from './schema.ts';

const tags = ['notifications'];

export async function notificationRoutes(app: App, { database }: RouteDeps) {
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我的通知',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList },
      },
    },
    (request) =>
      listNotifications(database.db, {
        user: currentUser(request),
        unreadOnly: request.query.unread === 'true',
      }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '标记通知已读',
        params: ZNotificationIdParams,
        response: { 200: ZNotification },
      },
    },
    (request) => markNotificationRead(database.db, request.params.id, currentUser(request)),
  );
}
