import type { EntityManager } from '@mikro-orm/knex';
import { decodeCursor, findById, type Identity, pageOf } from '../../../runtime';
import { NotificationSchema, type Notification } from './entities';
import { invalid } from './errors';
import { mayRead } from './permissions';

/** A page of a person's notifications, newest first; only unread ones on request. */
export async function listNotifications(
  em: EntityManager,
  recipientId: string,
  size: number,
  after: string | null | undefined,
  unreadOnly: boolean,
) {
  const base = { recipientId, ...(unreadOnly ? { status: 'UNREAD' as const } : {}) };
  const where = after ? { ...base, ...olderThan(after) } : base;
  const [rows, totalCount] = await Promise.all([
    em.find(NotificationSchema, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: size + 1,
    }),
    em.count(NotificationSchema, base),
  ]);
  return { ...pageOf(rows, size, (n) => [n.createdAt.toISOString(), n.id]), totalCount };
}

/** The notifications after a page's last one (its time, then its id). */
function olderThan(after: string) {
  const [at, id] = decodeCursor(after, 2);
  const createdAt = new Date(at!);
  if (Number.isNaN(createdAt.getTime()))
    throw invalid('after', 'after is not a cursor of this list.');
  return {
    $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id! } }],
  };
}

export const unreadCount = (em: EntityManager, recipientId: string): Promise<number> =>
  em.count(NotificationSchema, { recipientId, status: 'UNREAD' });

/** One of the caller's own notifications; another's is null, as if it did not exist. */
export async function ownNotification(
  em: EntityManager,
  identity: Identity,
  id: string,
): Promise<Notification | null> {
  const notification = await findById(em, NotificationSchema, id);
  return notification && mayRead(identity, notification) ? notification : null;
}
