import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { once, type SubgraphContext } from '../../../runtime';
import {
  EmployeeCopySchema,
  NotificationSchema,
  type EmployeeCopy,
  type Notification,
} from './entities';
import { notificationNotFound, unknownRecipient } from './errors';
import { notificationRead } from './events';
import { checkRecipientIds, checkSendInput, type SendInput } from './inputs';
import { mayRead } from './permissions';
import type { NotificationsSettings } from './settings';
import { addNotifications, type NotificationDraft } from './storeNotifications';

export type NotificationsContext = SubgraphContext<unknown>;

function markRead(n: Notification, at: Date): void {
  n.status = 'READ';
  n.readAt = at;
  n.version += 1;
}

/** The writes of notifications: marking read, and what HR and SYSTEM send. */
export class NotificationsService {
  constructor(
    private readonly ctx: NotificationsContext,
    private readonly settings: NotificationsSettings,
  ) {}

  /** Marks one of the caller's notifications read (again: nothing changes). */
  markRead(id: string): Promise<Notification> {
    return this.ctx.em.transactional(async (tx) => {
      const n = await tx.findOne(NotificationSchema, { id });
      // Another person's notification is not revealed to exist.
      if (!n || !mayRead(this.ctx.identity, n)) throw notificationNotFound(id);
      if (n.status === 'UNREAD') {
        markRead(n, this.settings.now());
        this.ctx.emit(tx, notificationRead(n));
      }
      return n;
    });
  }

  /** Marks every unread notification of `recipientId` read; returns how many. */
  async markAllRead(recipientId: string): Promise<number> {
    const at = this.settings.now();
    // Row by row rather than one UPDATE: each change is an event, so each is audited.
    return this.ctx.em.transactional(async (tx) => {
      const unread = await tx.find(NotificationSchema, { recipientId, status: 'UNREAD' });
      for (const n of unread) {
        markRead(n, at);
        this.ctx.emit(tx, notificationRead(n));
      }
      return unread.length;
    });
  }

  async sendOne(input: SendInput & { recipientId: string }) {
    const [n] = await this.send('sendNotification', input, [input.recipientId]);
    return { notificationId: n!.id, recipientId: n!.recipientId, createdAt: n!.createdAt };
  }

  async sendBulk(input: SendInput & { recipientIds: string[] }) {
    checkRecipientIds(input.recipientIds);
    const rows = await this.send('sendBulkNotification', input, input.recipientIds);
    return { count: rows.length, notificationIds: rows.map((n) => n.id) };
  }

  /** Stores one message for each recipient, once per idempotency key. */
  private async send(
    operation: string,
    input: SendInput,
    recipientIds: string[],
  ): Promise<Notification[]> {
    const { ctx, settings } = this;
    checkSendInput(input);
    const field = operation === 'sendNotification' ? 'recipientId' : 'recipientIds';
    const recipients = await knownRecipients(ctx.em, field, recipientIds);
    const scope = { operation, caller: ctx.identity.subject, key: input.idempotencyKey };
    let stored: Notification[] = [];
    const { id: batchId, replayed } = await once(ctx.em, scope, async (tx) => {
      const batch = `send:${uuidv7()}`;
      const drafts: NotificationDraft[] = recipientIds.map((recipientId) => ({
        recipientId,
        type: 'MESSAGE',
        title: input.title,
        body: input.body,
        dedupeKey: batch,
      }));
      const emit = (draft: Parameters<NotificationsContext['emit']>[1]) => ctx.emit(tx, draft);
      // The batch's key is new, so nothing is stored under it yet.
      const known = { stored: new Map(), address: (id: string) => recipients.get(id)?.email };
      stored = addNotifications(
        { em: tx, emit, now: settings.now(), email: settings.email },
        drafts,
        known,
      );
      return batch;
    });
    // A replay answers with what the first send stored.
    const rows = replayed
      ? await ctx.em.fork().find(NotificationSchema, { dedupeKey: batchId })
      : stored;
    const byRecipient = new Map(rows.map((r) => [r.recipientId, r]));
    return recipientIds.map((id) => byRecipient.get(id)).filter((n): n is Notification => !!n);
  }
}

/** The recipients' copies by id; refuses the send naming those nobody knows. */
async function knownRecipients(
  em: EntityManager,
  field: string,
  ids: string[],
): Promise<Map<string, EmployeeCopy>> {
  const found = await em.fork().find(EmployeeCopySchema, { id: { $in: ids } });
  const known = new Map(found.map((e) => [e.id, e]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw unknownRecipient(field, unknown);
  return known;
}
