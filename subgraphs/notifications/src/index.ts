import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import nodemailer from 'nodemailer';
import { ScheduledJob } from '../../../messaging/src/scheduler';
import type { JobDefinition } from '../../../messaging/src/types';
import { defineSubgraph, type SubgraphModule } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { lazySubgraph } from '../../../runtime/src/subgraph/lazySubgraph';
import {
  deliverDueEmails,
  type DeliveryResult,
  type EmailSettings,
  type MailTransport,
} from './email';
import { entities } from './entities';
import { createNotifyHandler } from './handlers';
import { createResolvers } from './service';
import { readNotificationSettings } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

export const DELIVER_EMAIL_JOB = 'notifications.deliverEmail';

/** Options of {@link createNotifications}; read once, where the module is made. */
export interface NotificationsOptions {
  /** SMTP connection URL (`smtp://user:pass@host:587`); without it notifications are in-app only. */
  smtpUrl?: string;
  /** A ready transport instead of `smtpUrl` (tests). */
  transport?: MailTransport;
  /** The From address of e-mails. */
  from?: string;
  /** The clock (tests). */
  now?: () => Date;
  /** Employee ids told what HR is told (leave approvals, absences); none: HR is not told. */
  hrRecipientIds?: readonly string[];
  /** Employee ids told what finance is told (daily close); none: nobody is told. */
  financeRecipientIds?: readonly string[];
  /** Employee ids told what administrators are told (dead letters); none: nobody is told. */
  adminRecipientIds?: readonly string[];
  /** Attempts per e-mail before FAILED (default 5). */
  maxAttempts?: number;
  /** First retry delay of an e-mail, doubling per failure (default 30 s; at most 1 h). */
  retryDelayMs?: number;
  /** How often the delivery job runs (default 5 s). */
  deliveryIntervalMs?: number;
  /** Register the delivery job with the scheduler (default true when e-mail is on). */
  deliveryJob?: boolean;
  /** SMTP connection and greeting timeout (default 10 s). */
  smtpTimeoutMs?: number;
}

/** The module, plus delivery callable directly (tests, tools). */
export interface NotificationsModule extends SubgraphModule<unknown> {
  /** E-mail settings; null when in-app only. */
  readonly email: EmailSettings | null;
  /** Sends the e-mails due now, in `em`'s transaction. */
  deliverDueEmails(em: EntityManager, at?: Date): Promise<DeliveryResult>;
}

/** Notifications: templates over other domains' events, per-person inbox, and e-mail. */
export function createNotifications(options: NotificationsOptions = {}): NotificationsModule {
  const now = options.now ?? (() => new Date());
  const timeout = options.smtpTimeoutMs ?? 10_000;
  const transport: MailTransport | undefined =
    options.transport ??
    (options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout * 3,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : undefined);
  const email: EmailSettings | null = transport
    ? {
        transport,
        from: options.from ?? 'HR Platform <no-reply@hr-platform.local>',
        maxAttempts: options.maxAttempts ?? 5,
        retryDelayMs: options.retryDelayMs ?? 30_000,
        maxRetryDelayMs: 60 * 60_000,
        batchSize: 50,
        runBudgetMs: 20_000,
      }
    : null;
  const interval = options.deliveryIntervalMs ?? 5000;

  const deliver = (em: EntityManager, at: Date = now()) =>
    email ? deliverDueEmails(em, email, at) : Promise.resolve({ sent: 0, retried: 0, failed: 0 });

  const deliveryJob: JobDefinition = {
    name: DELIVER_EMAIL_JOB,
    // The next occurrence is planned only after a run that completed: a failed run (the
    // database was down) is retried with the scheduler's backoff (at most 15 min) for ever,
    // so delivery resumes on its own. Failed sends do not fail the run; they are per e-mail.
    maxAttempts: Number.MAX_SAFE_INTEGER,
    async run({ em }) {
      const at = now();
      await deliver(em, at);
      // Occurrences are one per interval; forget done ones after a day.
      await em.nativeDelete(ScheduledJob, {
        job: DELIVER_EMAIL_JOB,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - 24 * 3600_000) },
      });
    },
    plan(at) {
      const slot = Math.floor(at.getTime() / interval) + 1;
      return [
        {
          id: `${DELIVER_EMAIL_JOB}:${slot}`,
          job: DELIVER_EMAIL_JOB,
          runAt: new Date(slot * interval),
        },
      ];
    },
  };

  const module = defineSubgraph<unknown>({
    name: 'notifications',
    typeDefs,
    resolvers: createResolvers({ email, now }),
    entities,
    eventHandlers: [
      createNotifyHandler({
        email,
        now,
        hrRecipientIds: options.hrRecipientIds ?? [],
        financeRecipientIds: options.financeRecipientIds ?? [],
        adminRecipientIds: options.adminRecipientIds ?? [],
      }),
    ],
    jobs: email && options.deliveryJob !== false ? [deliveryJob] : [],
    // Said once as the subgraph starts, not wherever the module is imported.
    checkSettings(logger) {
      if (!email) logger.info('no SMTP configured (SMTP_URL): notifications are in-app only');
    },
  });
  return { ...module, email, deliverDueEmails: deliver };
}

/** The module as the platform runs it: SMTP and recipients from the environment, read as it starts. */
export const notifications = lazySubgraph('notifications', () =>
  createNotifications(readNotificationSettings(process.env)),
);

export { applyEmployeeEvent } from './handlers';
export { escapeHtml, renderEmail } from './email';
export { readNotificationSettings } from './settings';
