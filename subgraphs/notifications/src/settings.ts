import type { NotificationsOptions } from './index';

/** What the environment sets of {@link NotificationsOptions}. */
export type NotificationSettings = Pick<
  NotificationsOptions,
  'smtpUrl' | 'from' | 'hrRecipientIds' | 'financeRecipientIds' | 'adminRecipientIds'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new Error('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587.');
  return raw;
}

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
    smtpUrl: smtpUrl(env.SMTP_URL),
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
