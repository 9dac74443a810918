export { listNotifications, NOTIFICATION_LIST_LIMIT, type Notification, type NotificationCounts, type NotificationKind } from './notification-feed.ts';
export { markNotificationsRead, type MarkRead } from './mark-read.ts';
