import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../../runtime';
import type { Notification } from './entities';
import { inboxPageSize, type PageArgs, type SendInput } from './inputs';
import { NotificationsService, type NotificationsContext } from './NotificationsService';
import { assertMaySend, assertPerson } from './permissions';
import { listNotifications, ownNotification, unreadCount } from './queries';
import type { NotificationsSettings } from './settings';

type Context = NotificationsContext;

/** Resolvers, bound to the module's settings (e-mail and clock). */
export function createResolvers(
  settings: NotificationsSettings,
): GraphQLResolverMap<NotificationsContext> {
  const service = (ctx: Context) => new NotificationsService(ctx, settings);
  return {
    DateTime: DateTimeScalar,
    Query: {
      myNotifications: (_root, args: PageArgs, ctx: Context) => {
        const me = assertPerson(ctx.identity);
        const size = inboxPageSize(args.first);
        return listNotifications(ctx.em, me, size, args.after, !!args.unreadOnly);
      },
      unreadNotificationCount: (_root, _args, ctx: Context) =>
        unreadCount(ctx.em, assertPerson(ctx.identity)),
      notification: (_root, args: { id: string }, ctx: Context) =>
        ownNotification(ctx.em, ctx.identity, args.id),
    },
    Mutation: {
      markNotificationRead: (_root, args: { input: { id: string } }, ctx: Context) => {
        assertPerson(ctx.identity);
        return service(ctx).markRead(args.input.id);
      },
      markAllNotificationsRead: async (_root, _args, ctx: Context) => {
        const me = assertPerson(ctx.identity);
        return { count: await service(ctx).markAllRead(me) };
      },
      sendNotification: (
        _root,
        args: { input: SendInput & { recipientId: string } },
        ctx: Context,
      ) => {
        assertMaySend(ctx.identity);
        return service(ctx).sendOne(args.input);
      },
      sendBulkNotification: (
        _root,
        args: { input: SendInput & { recipientIds: string[] } },
        ctx: Context,
      ) => {
        assertMaySend(ctx.identity);
        return service(ctx).sendBulk(args.input);
      },
    },
    Notification: {
      __resolveReference: (ref: { id: string }, ctx: Context) =>
        ownNotification(ctx.em, ctx.identity, ref.id),
      recipient: (n: Notification) => ({ __typename: 'Employee', id: n.recipientId }),
    },
  };
}
