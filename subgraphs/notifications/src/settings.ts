import {
  DEFAULT_MAIL_FROM,
  type MailDelivery,
  type MailTransport,
  readSmtpUrl,
  smtpTransport,
} from '../../../runtime';

/** Options of `createNotifications`; read once, where the module is made. */
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

/** The options with their defaults. */
export interface NotificationsSettings {
  /** E-mail settings; null when in-app only. */
  email: MailDelivery | null;
  now: () => Date;
  hrRecipientIds: readonly string[];
  financeRecipientIds: readonly string[];
  adminRecipientIds: readonly string[];
  /** How often the delivery job runs, in ms. */
  deliveryIntervalMs: number;
  /** Whether the scheduler runs the delivery job. */
  deliveryJob: boolean;
}

export function notificationsSettings(options: NotificationsOptions = {}): NotificationsSettings {
  const email = emailSettings(options);
  return {
    email,
    now: options.now ?? (() => new Date()),
    hrRecipientIds: options.hrRecipientIds ?? [],
    financeRecipientIds: options.financeRecipientIds ?? [],
    adminRecipientIds: options.adminRecipientIds ?? [],
    deliveryIntervalMs: options.deliveryIntervalMs ?? 5000,
    deliveryJob: !!email && options.deliveryJob !== false,
  };
}

/** How e-mail goes out: the transport given, or one to `smtpUrl`; null without either. */
function emailSettings(options: NotificationsOptions): MailDelivery | null {
  const transport: MailTransport | undefined =
    options.transport ??
    (options.smtpUrl ? smtpTransport(options.smtpUrl, options.smtpTimeoutMs) : undefined);
  if (!transport) return null;
  return {
    transport,
    from: options.from ?? DEFAULT_MAIL_FROM,
    maxAttempts: options.maxAttempts ?? 5,
    retryDelayMs: options.retryDelayMs ?? 30_000,
    maxRetryDelayMs: 60 * 60_000,
    batchSize: 50,
    runBudgetMs: 20_000,
  };
}

/** What the environment sets of {@link NotificationsOptions}. */
export type NotificationSettings = Pick<
  NotificationsOptions,
  'smtpUrl' | 'from' | 'hrRecipientIds' | 'financeRecipientIds' | 'adminRecipientIds'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function fromAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const address = /<([^<>]*)>\s*$/.exec(raw)?.[1] ?? raw;
  if (!ADDRESS.test(address.trim()))
    throw new Error(`SMTP_FROM must be an address, or a name and <address>; got "${raw}".`);
  return raw;
}

function employeeIds(name: string, raw: string | undefined): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined)
    throw new Error(`${name} must list employee ids (UUIDs) separated by commas; got "${bad}".`);
  return ids;
}

/**
 * The notifications settings from `env`, each variable optional. A bad value throws an error
 * naming the variable (docs/architecture.md#operations).
 */
export function readNotificationSettings(env: NodeJS.ProcessEnv): NotificationSettings {
  return {
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    from: fromAddress(env.SMTP_FROM),
    hrRecipientIds: employeeIds('NOTIFICATIONS_HR_RECIPIENTS', env.NOTIFICATIONS_HR_RECIPIENTS),
    financeRecipientIds: employeeIds(
      'NOTIFICATIONS_FINANCE_RECIPIENTS',
      env.NOTIFICATIONS_FINANCE_RECIPIENTS,
    ),
    adminRecipientIds: employeeIds(
      'NOTIFICATIONS_ADMIN_RECIPIENTS',
      env.NOTIFICATIONS_ADMIN_RECIPIENTS,
    ),
  };
}
