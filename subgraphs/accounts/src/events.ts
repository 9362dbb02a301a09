import type { EventDraft } from '../../../messaging/src/types';

export const LOGGED_IN = 'accounts.user.logged_in';
export const LOGGED_OUT = 'accounts.user.logged_out';
export const LOGIN_FAILED = 'accounts.user.login_failed';

/** How a person got a session. */
export type SignInMethod = 'PASSWORD' | 'INVITATION' | 'PASSWORD_RESET' | 'OIDC';

/** Why a session ended. */
export type SignOutReason = 'SIGNED_OUT' | 'REFRESH_TOKEN_REUSED';

/** Why a sign-in through OpenID Connect was refused (docs/sign-in.md, "OpenID Connect"). */
export type OidcFailureReason =
  | 'OIDC_STATE_MISMATCH'
  | 'OIDC_REJECTED'
  | 'OIDC_INVALID_TOKEN'
  | 'OIDC_UNKNOWN_EMPLOYEE'
  | 'OIDC_ROLE_UNMAPPED';

/** Why a sign-in was refused. */
export type FailureReason =
  'UNKNOWN_EMAIL' | 'WRONG_PASSWORD' | 'NO_PASSWORD' | 'NOT_EMPLOYED' | OidcFailureReason;

/** The subject of a failure for an e-mail no account has (the e-mail itself is never recorded). */
export const UNKNOWN_ACCOUNT = 'unknown';

export const loggedIn = (data: {
  accountId: string;
  sessionId: string;
  employeeId: string | null;
  role: string;
  method: SignInMethod;
}): EventDraft => ({ type: LOGGED_IN, subject: data.accountId, data });

export const loggedOut = (data: {
  accountId: string;
  sessionId: string;
  reason: SignOutReason;
}): EventDraft => ({ type: LOGGED_OUT, subject: data.accountId, data });

export const loginFailed = (data: {
  accountId: string | null;
  reason: FailureReason;
  failedAttempts: number;
  lockedUntil: string | null;
}): EventDraft => ({ type: LOGIN_FAILED, subject: data.accountId ?? UNKNOWN_ACCOUNT, data });

export const ROLE_CHANGED = 'accounts.account.role_changed';

export const roleChanged = (data: {
  accountId: string;
  employeeId: string | null;
  from: string | null;
  to: string | null;
}): EventDraft => ({ type: ROLE_CHANGED, subject: data.accountId, data });

export const PARTNER_CLIENT_CREATED = 'accounts.partner_client.created';
export const PARTNER_CLIENT_REVOKED = 'accounts.partner_client.revoked';

export const partnerClientCreated = (client: {
  id: string;
  name: string;
  scopes: string[];
  quotaRequests: number | null;
  quotaCost: number | null;
}): EventDraft => ({
  type: PARTNER_CLIENT_CREATED,
  subject: client.id,
  data: {
    clientId: client.id,
    name: client.name,
    scopes: client.scopes,
    quotaRequests: client.quotaRequests,
    quotaCost: client.quotaCost,
  },
});

export const partnerClientRevoked = (data: { clientId: string; revokedAt: Date }): EventDraft => ({
  type: PARTNER_CLIENT_REVOKED,
  subject: data.clientId,
  data: { clientId: data.clientId, revokedAt: data.revokedAt.toISOString() },
});
