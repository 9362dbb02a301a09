import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { once } from '../../../runtime/src/idempotency';
import { hasRole, type Identity } from '../../../runtime/src/identity';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { DateTimeScalar } from './scalars';
import type { EmailSettings } from './email';
import { EmployeeCopySchema, NotificationSchema, type Notification } from './entities';
import { forbiddenTo, invalid, notificationNotFound, unknownRecipient } from './errors';
import { readEvent, storeNotifications, type NotificationDraft } from './store';

export const MAX_TITLE = 200;
export const MAX_BODY = 5000;
export const MAX_BULK = 1000;
const MAX_FIRST = 100;
const DEFAULT_FIRST = 20;
const MAX_KEY = 200;

export type NotificationsContext = SubgraphContext<unknown>;

export interface ServiceSettings {
  email: EmailSettings | null;
  now: () => Date;
}

/** The person calling: only a person has notifications. */
function selfOf(identity: Identity): string {
  if (identity.role === 'PARTNER' || !identity.employeeId)
    throw forbiddenTo('Only a person has notifications.');
  return identity.employeeId;
}

function markRead(n: Notification, at: Date): void {
  n.status = 'READ';
  n.readAt = at;
  n.version += 1;
}

const cursorOf = (n: Notification) =>
  Buffer.from(`${n.createdAt.toISOString()}|${n.id}`).toString('base64url');

function parseCursor(after: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (
    !id ||
    Number.isNaN(createdAt.getTime()) ||
    cursorOf({ createdAt, id } as Notification) !== after
  )
    throw invalid('after', 'after is not a cursor of this list.');
  return { createdAt, id };
}

function checkText(field: string, value: string, max: number): string {
  if (value.trim() === '') throw invalid(field, `${field} must not be empty.`);
  if (value.length > max) throw invalid(field, `${field} is at most ${max} characters.`);
  return value;
}

function checkKey(key: string | null | undefined): void {
  if (key != null && (key === '' || key.length > MAX_KEY))
    throw invalid('idempotencyKey', `idempotencyKey is 1 to ${MAX_KEY} characters.`);
}

async function assertKnown(em: EntityManager, field: string, ids: string[]): Promise<void> {
  const found = await em.find(EmployeeCopySchema, { id: { $in: ids } }, { fields: ['id'] });
  const known = new Set(found.map((e) => e.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw unknownRecipient(field, unknown);
}

interface SendInput {
  title: string;
  body: string;
  idempotencyKey?: string | null;
}

/** Resolvers, bound to the module's settings (e-mail and clock). */
export function createResolvers(
  settings: ServiceSettings,
): GraphQLResolverMap<NotificationsContext> {
  const ownOrNull = async (ctx: NotificationsContext, id: string) => {
    const me = ctx.identity.role === 'PARTNER' ? null : ctx.identity.employeeId;
    if (!me) return null;
    return ctx.em.findOne(NotificationSchema, { id, recipientId: me });
  };

  async function send(
    ctx: NotificationsContext,
    operation: string,
    input: SendInput,
    recipientIds: string[],
  ): Promise<Notification[]> {
    if (!hasRole(ctx.identity, 'HR', 'SYSTEM'))
      throw forbiddenTo('Only HR and SYSTEM may send notifications.');
    checkText('title', input.title, MAX_TITLE);
    checkText('body', input.body, MAX_BODY);
    checkKey(input.idempotencyKey);
    const field = operation === 'sendNotification' ? 'recipientId' : 'recipientIds';
    await assertKnown(ctx.em, field, recipientIds);
    const { id: batchId } = await once(
      ctx.em,
      { operation, caller: ctx.identity.subject, key: input.idempotencyKey },
      async (tx) => {
        const batch = `send:${uuidv7()}`;
        const drafts: NotificationDraft[] = recipientIds.map((recipientId) => ({
          recipientId,
          type: 'MESSAGE',
          title: input.title,
          body: input.body,
          dedupeKey: batch,
        }));
        await storeNotifications(
          {
            em: tx,
            emit: (draft) => ctx.emit(tx, draft),
            now: settings.now(),
            email: settings.email,
          },
          drafts,
        );
        return batch;
      },
    );
    const rows = await ctx.em.fork().find(NotificationSchema, { dedupeKey: batchId });
    const byRecipient = new Map(rows.map((r) => [r.recipientId, r]));
    return recipientIds.map((id) => byRecipient.get(id)).filter((n): n is Notification => !!n);
  }

  return {
    DateTime: DateTimeScalar,
    Query: {
      async myNotifications(
        _root,
        args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
        ctx: NotificationsContext,
      ) {
        const me = selfOf(ctx.identity);
        const first = args.first ?? DEFAULT_FIRST;
        if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
          throw invalid('first', `first is 1 to ${MAX_FIRST}.`);
        const base = { recipientId: me, ...(args.unreadOnly ? { status: 'UNREAD' as const } : {}) };
        const where = args.after
          ? (() => {
              const c = parseCursor(args.after);
              return {
                ...base,
                $or: [
                  { createdAt: { $lt: c.createdAt } },
                  { createdAt: c.createdAt, id: { $lt: c.id } },
                ],
              };
            })()
          : base;
        const [rows, totalCount] = await Promise.all([
          ctx.em.find(NotificationSchema, where, {
            orderBy: { createdAt: 'desc', id: 'desc' },
            limit: first + 1,
          }),
          ctx.em.count(NotificationSchema, base),
        ]);
        const nodes = rows.slice(0, first);
        const last = nodes[nodes.length - 1];
        return {
          nodes,
          totalCount,
          pageInfo: { endCursor: last ? cursorOf(last) : null, hasNextPage: rows.length > first },
        };
      },
      unreadNotificationCount: (_root, _args, ctx: NotificationsContext) =>
        ctx.em.count(NotificationSchema, { recipientId: selfOf(ctx.identity), status: 'UNREAD' }),
      notification: (_root, args: { id: string }, ctx: NotificationsContext) =>
        ownOrNull(ctx, args.id),
    },
    Mutation: {
      async markNotificationRead(
        _root,
        args: { input: { id: string } },
        ctx: NotificationsContext,
      ) {
        const me = selfOf(ctx.identity);
        return ctx.em.transactional(async (tx) => {
          const n = await tx.findOne(NotificationSchema, { id: args.input.id, recipientId: me });
          // Another person's notification is not revealed to exist.
          if (!n) throw notificationNotFound(args.input.id);
          if (n.status === 'UNREAD') {
            markRead(n, settings.now());
            ctx.emit(tx, readEvent(n));
          }
          return n;
        });
      },
      async markAllNotificationsRead(_root, _args, ctx: NotificationsContext) {
        const me = selfOf(ctx.identity);
        const at = settings.now();
        // Row by row rather than one UPDATE: each change is an event, so each is audited.
        const count = await ctx.em.transactional(async (tx) => {
          const unread = await tx.find(NotificationSchema, { recipientId: me, status: 'UNREAD' });
          for (const n of unread) {
            markRead(n, at);
            ctx.emit(tx, readEvent(n));
          }
          return unread.length;
        });
        return { count };
      },
      async sendNotification(
        _root,
        args: { input: SendInput & { recipientId: string } },
        ctx: NotificationsContext,
      ) {
        const [n] = await send(ctx, 'sendNotification', args.input, [args.input.recipientId]);
        return { notificationId: n!.id, recipientId: n!.recipientId, createdAt: n!.createdAt };
      },
      async sendBulkNotification(
        _root,
        args: { input: SendInput & { recipientIds: string[] } },
        ctx: NotificationsContext,
      ) {
        const ids = args.input.recipientIds;
        if (ids.length === 0 || ids.length > MAX_BULK)
          throw invalid('recipientIds', `recipientIds holds 1 to ${MAX_BULK} ids.`);
        if (new Set(ids).size !== ids.length)
          throw invalid('recipientIds', 'recipientIds must not repeat an id.');
        const rows = await send(ctx, 'sendBulkNotification', args.input, ids);
        return { count: rows.length, notificationIds: rows.map((n) => n.id) };
      },
    },
    Notification: {
      __resolveReference: (ref: { id: string }, ctx: NotificationsContext) =>
        ownOrNull(ctx, ref.id),
      recipient: (n: Notification) => ({ __typename: 'Employee', id: n.recipientId }),
    },
  };
}
