import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { CataloguedDraft } from '../../../messaging';
import type { MailDelivery } from '../../../runtime';
import { queueEmail } from './email';
import {
  EmployeeCopySchema,
  NotificationSchema,
  type Notification,
  type NotificationType,
} from './entities';
import { notificationCreated } from './events';

/** A notification to store for one recipient. */
export interface NotificationDraft {
  recipientId: string;
  type: NotificationType;
  title: string;
  body: string;
  /** Unique per recipient: the same key again stores nothing. */
  dedupeKey: string;
}

export interface StoreContext {
  em: EntityManager;
  emit(draft: CataloguedDraft): void;
  now: Date;
  /** Null: in-app only. */
  email: MailDelivery | null;
}

/**
 * Stores each draft once per (dedupeKey, recipient), queues its e-mail when e-mail is on and
 * the recipient's address is known, and records `notifications.notification.created`, all in
 * `em`'s transaction. Returns the notifications, the existing ones for drafts seen before.
 */
export async function storeNotifications(
  ctx: StoreContext,
  drafts: NotificationDraft[],
): Promise<Notification[]> {
  const { em, now } = ctx;
  const stored: Notification[] = [];
  const seen = new Set<string>();
  const recipients = await em.find(EmployeeCopySchema, {
    id: { $in: [...new Set(drafts.map((d) => d.recipientId))] },
  });
  const emailOf = new Map(recipients.map((r) => [r.id, r.email]));
  for (const draft of drafts) {
    const key = `${draft.dedupeKey}|${draft.recipientId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const existing = await em.findOne(NotificationSchema, {
      dedupeKey: draft.dedupeKey,
      recipientId: draft.recipientId,
    });
    if (existing) {
      stored.push(existing);
      continue;
    }
    const address = ctx.email ? emailOf.get(draft.recipientId) : null;
    const notification = em.create(NotificationSchema, {
      id: uuidv7(),
      ...draft,
      channel: address ? 'IN_APP_AND_EMAIL' : 'IN_APP',
      status: 'UNREAD',
      createdAt: now,
      readAt: null,
      version: 1,
    });
    em.persist(notification);
    if (address) queueEmail(em, notification, address, now);
    ctx.emit(notificationCreated(notification));
    stored.push(notification);
  }
  await em.flush();
  return stored;
}
