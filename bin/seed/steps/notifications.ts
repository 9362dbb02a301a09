import type { SeedContext } from '../SeedContext';
import { idOf } from '../SeedContext';

const SEND_BULK = `mutation SeedWelcome($input: SendBulkNotificationInput!) { sendBulkNotification(input: $input) { __typename } }`;

/**
 * A welcome from HR to everyone. Leave, training and attendance raise their own
 * notifications by event; this one makes sure every inbox holds at least one.
 */
export async function seedNotifications(ctx: SeedContext): Promise<number> {
  await ctx.client.eventually(() =>
    ctx.client.request(ctx.hr, SEND_BULK, {
      input: {
        idempotencyKey: 'seed-welcome',
        recipientIds: ctx.people.map((p) => idOf(ctx, p.key)),
        title: 'Welcome to the HR platform',
        body: 'Your time, leave, attendance and training are all here. Have a look around.',
      },
    }),
  );
  ctx.log(`notifications: a welcome to ${ctx.people.length} people`);
  return ctx.people.length;
}
