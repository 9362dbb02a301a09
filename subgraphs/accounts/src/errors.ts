import { defineDomainErrors, DomainError, ErrorCode, httpStatusOf } from '../../../runtime';

/** Why sign-in or an account change was refused, beyond the reasons every domain shares. */
export enum AccountsReason {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  INVITATION_NOT_FOUND = 'INVITATION_NOT_FOUND',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  INVALID_CLIENT = 'INVALID_CLIENT',
  UNSUPPORTED_GRANT_TYPE = 'UNSUPPORTED_GRANT_TYPE',
  ALREADY_ACTIVATED = 'ALREADY_ACTIVATED',
  CLIENT_REVOKED = 'CLIENT_REVOKED',
  OIDC_STATE_MISMATCH = 'OIDC_STATE_MISMATCH',
  OIDC_REJECTED = 'OIDC_REJECTED',
  OIDC_INVALID_TOKEN = 'OIDC_INVALID_TOKEN',
  OIDC_UNKNOWN_EMPLOYEE = 'OIDC_UNKNOWN_EMPLOYEE',
  OIDC_NOT_EMPLOYED = 'OIDC_NOT_EMPLOYED',
  OIDC_ROLE_UNMAPPED = 'OIDC_ROLE_UNMAPPED',
  OIDC_PROVIDER_UNAVAILABLE = 'OIDC_PROVIDER_UNAVAILABLE',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
export const accountsErrors = defineDomainErrors<AccountsReason>('AccountsError', {
  INVALID_CREDENTIALS: ErrorCode.UNAUTHENTICATED,
  ACCOUNT_LOCKED: ErrorCode.FORBIDDEN,
  SESSION_EXPIRED: ErrorCode.UNAUTHENTICATED,
  INVITATION_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVITATION_EXPIRED: ErrorCode.NOT_FOUND,
  INVALID_CLIENT: ErrorCode.UNAUTHENTICATED,
  UNSUPPORTED_GRANT_TYPE: ErrorCode.BAD_USER_INPUT,
  ALREADY_ACTIVATED: ErrorCode.CONFLICT,
  CLIENT_REVOKED: ErrorCode.CONFLICT,
  OIDC_STATE_MISMATCH: ErrorCode.BAD_USER_INPUT,
  OIDC_REJECTED: ErrorCode.UNAUTHENTICATED,
  OIDC_INVALID_TOKEN: ErrorCode.UNAUTHENTICATED,
  OIDC_UNKNOWN_EMPLOYEE: ErrorCode.FORBIDDEN,
  OIDC_NOT_EMPLOYED: ErrorCode.FORBIDDEN,
  OIDC_ROLE_UNMAPPED: ErrorCode.FORBIDDEN,
  OIDC_PROVIDER_UNAVAILABLE: ErrorCode.UNAVAILABLE,
});

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
