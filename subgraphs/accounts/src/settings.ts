import {
  DEFAULT_MAIL_FROM,
  readSignInSettings,
  readSmtpUrl,
  secureCookies,
  type SignInSettings,
  smtpTransport,
} from '../../../runtime';
import type { MailSettings, MailTransport } from './mail';

/** Failed sign-ins in a row that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;

/** Options of `createAccounts`; read once, where the module is made. */
export interface AccountsOptions {
  /** Sign-in settings beyond the defaults (docs/sign-in.md). */
  settings?: Partial<SignInSettings>;
  /** SMTP connection URL; without it nothing is mailed (HR reads invitation links). */
  smtpUrl?: string;
  /** A ready transport instead of `smtpUrl` (tests). */
  transport?: MailTransport;
  /** The From address. */
  from?: string;
  /** The clock (tests). */
  now?: () => Date;
  /** How often queued e-mails are sent (default 5 s). */
  deliveryIntervalMs?: number;
  /** At the first start without any account, invite INITIAL_ADMIN_EMAIL (default true). */
  inviteFirstAdmin?: boolean;
}

/** What sign-in's parts share: the settings, the clock, and e-mail when SMTP is set. */
export interface AccountsDeps {
  settings: SignInSettings;
  now: () => Date;
  /** Null: no SMTP; links are only shown to HR (invitations) or not sent (resets). */
  mail: MailSettings | null;
  /** Whether the refresh cookie is `Secure`. */
  secureCookies: boolean;
}

function transportOf(options: AccountsOptions): MailTransport | undefined {
  if (options.transport) return options.transport;
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : undefined;
}

/** The options with their defaults, as sign-in's parts use them. */
export function accountsDeps(options: AccountsOptions): AccountsDeps {
  const settings = { ...readSignInSettings({}), ...options.settings };
  const transport = transportOf(options);
  const mail: MailSettings | null = transport
    ? {
        transport,
        from: options.from ?? DEFAULT_MAIL_FROM,
        maxAttempts: 5,
        retryDelayMs: 30_000,
      }
    : null;
  const now = options.now ?? (() => new Date());
  return { settings, now, mail, secureCookies: secureCookies(settings) };
}

/** What the environment sets of accounts: the sign-in settings and SMTP (as notifications reads it). */
export interface AccountSettings {
  signIn: SignInSettings;
  smtpUrl?: string;
  from?: string;
}

/** The accounts settings from `env`; a bad value throws naming its variable. */
export function readAccountSettings(env: NodeJS.ProcessEnv): AccountSettings {
  return {
    signIn: readSignInSettings(env),
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    from: env.SMTP_FROM || undefined,
  };
}
