import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import {
  defineSubgraph,
  type DeliveryResult,
  lazySubgraph,
  type MailDelivery,
  readSubgraphSdl,
  type SubgraphModule,
} from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { createNotifyHandler } from './handlers';
import { createDeliveryJob, deliverer } from './jobs';
import { createResolvers } from './resolvers';
import {
  notificationsSettings,
  readNotificationSettings,
  type NotificationsOptions,
} from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The module, plus delivery callable directly (tests, tools). */
export interface NotificationsModule extends SubgraphModule<unknown> {
  /** E-mail settings; null when in-app only. */
  readonly email: MailDelivery | null;
  /** Sends the e-mails due now, in `em`'s transaction. */
  deliverDueEmails(em: EntityManager, at?: Date): Promise<DeliveryResult>;
}

/** Notifications: templates over other domains' events, per-person inbox, and e-mail. */
export function createNotifications(options: NotificationsOptions = {}): NotificationsModule {
  const settings = notificationsSettings(options);
  const module = defineSubgraph<unknown>({
    name: 'notifications',
    typeDefs,
    resolvers: createResolvers(settings),
    entities,
    migrations,
    eventHandlers: [createNotifyHandler(settings)],
    jobs: settings.deliveryJob ? [createDeliveryJob(settings)] : [],
    // Said once as the subgraph starts, not wherever the module is imported.
    checkSettings(logger) {
      if (!settings.email)
        logger.info('no SMTP configured (SMTP_URL): notifications are in-app only');
    },
  });
  return { ...module, email: settings.email, deliverDueEmails: deliverer(settings) };
}

/** The module as the platform runs it: SMTP and recipients from the environment, read as it starts. */
export const notifications = lazySubgraph('notifications', () =>
  createNotifications(readNotificationSettings(process.env)),
);

export type { NotificationsOptions };
export { DELIVER_EMAIL_JOB } from './jobs';
export { applyEmployeeEvent } from './handlers';
export { escapeHtml, renderEmail } from './email';
export { readNotificationSettings } from './settings';
