import type { SignInSettings } from '../../../runtime/src/signInConfig';
import type { MailSettings } from './mail';

/** What sign-in's parts share: the settings, the clock, and e-mail when SMTP is set. */
export interface AccountsDeps {
  settings: SignInSettings;
  now: () => Date;
  /** Null: no SMTP; links are only shown to HR (invitations) or not sent (resets). */
  mail: MailSettings | null;
  /** Whether the refresh cookie is `Secure`. */
  secureCookies: boolean;
}

/** Failed sign-ins in a row that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
