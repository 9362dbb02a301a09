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

/** What storing drafts needs to know first: the notifications already stored, and addresses. */
export interface Known {
  /** Notifications stored under a draft's key, by `keyOf`; what is stored is added. */
  stored: Map<string, Notification>;
  /** The recipient's work e-mail, if known. */
  address(recipientId: string): string | null | undefined;
}

/** A notification's dedupe key and recipient, as one key. */
const keyOf = (n: { dedupeKey: string; recipientId: string }) => `${n.dedupeKey}|${n.recipientId}`;

/** The notifications already stored under the drafts' dedupe keys, in one query. */
export async function storedUnder(
  em: EntityManager,
  drafts: NotificationDraft[],
): Promise<Map<string, Notification>> {
  const keys = [...new Set(drafts.map((draft) => draft.dedupeKey))];
  const found = keys.length ? await em.find(NotificationSchema, { dedupeKey: { $in: keys } }) : [];
  return new Map(found.map((notification) => [keyOf(notification), notification]));
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
  const recipients = await ctx.em.find(EmployeeCopySchema, {
    id: { $in: [...new Set(drafts.map((d) => d.recipientId))] },
  });
  const emailOf = new Map(recipients.map((r) => [r.id, r.email]));
  const stored = await storedUnder(ctx.em, drafts);
  const notifications = addNotifications(ctx, drafts, { stored, address: (id) => emailOf.get(id) });
  await ctx.em.flush();
  return notifications;
}

/** `storeNotifications` with what it needs known already, and the flush left to the caller. */
export function addNotifications(
  ctx: StoreContext,
  drafts: NotificationDraft[],
  known: Known,
): Notification[] {
  const { em, now } = ctx;
  const notifications: Notification[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    const key = keyOf(draft);
    if (seen.has(key)) continue;
    seen.add(key);
    const existing = known.stored.get(key);
    if (existing) {
      notifications.push(existing);
      continue;
    }
    const address = ctx.email ? known.address(draft.recipientId) : null;
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
    known.stored.set(key, notification);
    notifications.push(notification);
  }
  return notifications;
}
