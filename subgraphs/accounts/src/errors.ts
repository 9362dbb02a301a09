import { defineDomainErrors, DomainError, httpStatusOf } from '../../../runtime';

/**
 * Why sign-in or an account change is refused, beyond the shared reasons, under the code each
 * is answered with.
 */
export const accountsErrors = defineDomainErrors('AccountsError', {
  UNAUTHENTICATED: [
    'INVALID_CREDENTIALS',
    'SESSION_EXPIRED',
    'INVALID_CLIENT',
    'OIDC_REJECTED',
    'OIDC_INVALID_TOKEN',
  ],
  FORBIDDEN: ['ACCOUNT_LOCKED', 'OIDC_UNKNOWN_EMPLOYEE', 'OIDC_NOT_EMPLOYED', 'OIDC_ROLE_UNMAPPED'],
  NOT_FOUND: ['INVITATION_NOT_FOUND', 'INVITATION_EXPIRED'],
  BAD_USER_INPUT: ['UNSUPPORTED_GRANT_TYPE', 'OIDC_STATE_MISMATCH'],
  CONFLICT: ['ALREADY_ACTIVATED', 'CLIENT_REVOKED'],
  UNAVAILABLE: ['OIDC_PROVIDER_UNAVAILABLE'],
});

export const AccountsReason = accountsErrors.reasons;
export type AccountsReason = keyof typeof AccountsReason;

const OWN_REASONS: ReadonlySet<string> = new Set(Object.values(AccountsReason));

/**
 * The code a sign-in route answers with: the domain's own reason (INVALID_CREDENTIALS, …),
 * else the platform's code (BAD_USER_INPUT, NOT_FOUND, …).
 */
export const routeCodeOf = (error: DomainError): string =>
  accountsErrors.is(error) && OWN_REASONS.has(error.reason) ? error.reason : error.code;

/** Where sign-in's routes answer otherwise than the platform's table (docs/sign-in.md). */
const ROUTE_STATUS: Partial<Record<AccountsReason, number>> = {
  ACCOUNT_LOCKED: 423,
  INVITATION_EXPIRED: 410,
  OIDC_PROVIDER_UNAVAILABLE: 502,
};

/** The HTTP status a sign-in route answers a refusal with. */
export const routeStatusOf = (error: DomainError): number =>
  (accountsErrors.is(error) && ROUTE_STATUS[error.reason as AccountsReason]) ||
  httpStatusOf(error.code);

export const { invalid, error: accountsError, forbidden: forbiddenTo } = accountsErrors;

export const invalidCredentials = () =>
  accountsError(AccountsReason.INVALID_CREDENTIALS, 'The e-mail or password is wrong.');

export const accountLocked = (until: Date) =>
  accountsError(
    AccountsReason.ACCOUNT_LOCKED,
    'Too many failed sign-ins: the account is locked for a while; try again later.',
    { extensions: { lockedUntil: until.toISOString() } },
  );

export const sessionExpired = () =>
  accountsError(AccountsReason.SESSION_EXPIRED, 'The session has ended; sign in again.');

export const ticketNotFound = () =>
  accountsError(AccountsReason.INVITATION_NOT_FOUND, 'This link is not valid.');

export const ticketExpired = () =>
  accountsError(AccountsReason.INVITATION_EXPIRED, 'This link has expired or was used.');

export const invalidClient = () =>
  accountsError(AccountsReason.INVALID_CLIENT, 'The client id or secret is wrong.');
