import { type App, message as staticMessage, notification as staticNotification } from 'antd';
import { errorText } from './errors.ts';

/**
 * The one place that shows messages outside a component: antd's App context registers its
 * instances here (see NotifierBridge) so toasts follow the theme and locale.
 */
type TAppApi = ReturnType<typeof App.useApp>;
type MessageInstance = TAppApi['message'];
type NotificationInstance = TAppApi['notification'];

let messageApi: MessageInstance = staticMessage;
let notificationApi: NotificationInstance = staticNotification;

export function setNotifier(message: MessageInstance, notification: NotificationInstance): void {
  messageApi = message;
  notificationApi = notification;
}

/** Shows an API error in Chinese, using the server's `message` field. */
export function notifyError(error: unknown): void {
  const text = errorText(error);
  notificationApi.error({ key: text, title: '请求失败', description: text, placement: 'topRight' });
}

export function notifySuccess(text: string): void {
  messageApi.success(text);
}

export function notifyWarning(text: string, key?: string): void {
  messageApi.warning(key ? { content: text, key } : text);
}
