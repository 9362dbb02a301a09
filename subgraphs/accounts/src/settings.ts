import { readSignInSettings, type SignInSettings } from '../../../runtime/src/signInConfig';

/** What the environment sets of accounts: the sign-in settings and SMTP (as notifications reads it). */
export interface AccountSettings {
  signIn: SignInSettings;
  smtpUrl?: string;
  from?: string;
}

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

/** The accounts settings from `env`; a bad value throws naming its variable. */
export function readAccountSettings(env: NodeJS.ProcessEnv): AccountSettings {
  return {
    signIn: readSignInSettings(env),
    smtpUrl: smtpUrl(env.SMTP_URL),
    from: env.SMTP_FROM || undefined,
  };
}
