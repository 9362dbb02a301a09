import { draftOf } from '../../../messaging';
import type { Notification } from './entities';

export const NOTIFICATION_CREATED = 'notifications.notification.created';
export const NOTIFICATION_READ = 'notifications.notification.read';

/** A notification was stored for its recipient (the gateway's subscription is fed by it). */
export const notificationCreated = (n: Notification) =>
  draftOf(NOTIFICATION_CREATED, n.id, {
    notificationId: n.id,
    recipientId: n.recipientId,
    type: n.type,
    title: n.title,
    createdAt: n.createdAt.toISOString(),
    version: n.version,
  });

/** Marking read changes the notification, so it is audited like any other change. */
export const notificationRead = (n: Notification) =>
  draftOf(NOTIFICATION_READ, n.id, {
    notificationId: n.id,
    recipientId: n.recipientId,
    readAt: n.readAt!.toISOString(),
    version: n.version,
  });
