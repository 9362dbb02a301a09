import { z } from 'zod';
import { checkOidc, oidcFields } from './oidcConfig';

// The settings of sign-in (the accounts subgraph): sessions, lock-out, links.
// docs/sign-in.md says what each does and why its default.

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const httpUrl = z.string().refine((v) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be a http: or https: URL');

/** A bare address: what `admin@localhost` or `ada@example.org` look like. */
const address = z
  .string()
  .max(254)
  .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address');

export const signInSchema = z.object({
  /** Lifetime of an access token, in seconds (300). */
  ACCESS_TOKEN_TTL: z.coerce.number().int().min(30).max(3600).default(300),
  /** Lifetime of a session's refresh cookie, in seconds (14 days). */
  REFRESH_TTL: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 24 * 3600)
    .default(14 * 24 * 3600),
  /** How long 5 failed sign-ins in a row lock an account, in minutes (15). */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Where people reach the platform; invitation and reset links start with it. */
  PUBLIC_URL: httpUrl.default('http://localhost:4000'),
  /** How long an invitation link holds, in hours (7 days). */
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(168),
  /** How long a password-reset link holds, in minutes (60). */
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** The e-mail of the administrator invited at the first start, when there is no account. */
  INITIAL_ADMIN_EMAIL: address.default('admin@localhost'),
  /** `Secure` on the refresh cookie (default: when PUBLIC_URL is https). */
  COOKIE_SECURE: bool.optional(),
  ...oidcFields,
});

export type SignInSettings = z.infer<typeof signInSchema>;

/** Checks between variables; each problem names its variable. */
export function checkSignIn(
  raw: SignInSettings & { JWT_MAX_TTL_SECONDS: number },
  ctx: z.RefinementCtx,
): void {
  if (raw.ACCESS_TOKEN_TTL > raw.JWT_MAX_TTL_SECONDS) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['ACCESS_TOKEN_TTL'],
      message: 'must not exceed JWT_MAX_TTL_SECONDS, or the gateway refuses the tokens',
    });
  }
  checkOidc(raw, ctx);
}

/**
 * The sign-in settings from `env`, checked; a bad value throws naming its variable. The
 * accounts subgraph reads them as it starts (the platform's config checks them too).
 */
export function readSignInSettings(env: NodeJS.ProcessEnv): SignInSettings {
  const max = z.coerce.number().int().positive().default(3600).safeParse(env.JWT_MAX_TTL_SECONDS);
  const result = signInSchema
    .superRefine((raw, ctx) =>
      checkSignIn({ ...raw, JWT_MAX_TTL_SECONDS: max.success ? max.data : 3600 }, ctx),
    )
    .safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Whether the refresh cookie is `Secure`: said, or else whether people arrive over https. */
export const secureCookies = (settings: Pick<SignInSettings, 'COOKIE_SECURE' | 'PUBLIC_URL'>) =>
  settings.COOKIE_SECURE ?? settings.PUBLIC_URL.startsWith('https:');
