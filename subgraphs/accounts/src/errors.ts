import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why sign-in or an account change was refused; the code the sign-in routes answer with. */
export enum AccountsErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  INVITATION_NOT_FOUND = 'INVITATION_NOT_FOUND',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  INVALID_CLIENT = 'INVALID_CLIENT',
  UNSUPPORTED_GRANT_TYPE = 'UNSUPPORTED_GRANT_TYPE',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  OIDC_STATE_MISMATCH = 'OIDC_STATE_MISMATCH',
  OIDC_REJECTED = 'OIDC_REJECTED',
  OIDC_INVALID_TOKEN = 'OIDC_INVALID_TOKEN',
  OIDC_UNKNOWN_EMPLOYEE = 'OIDC_UNKNOWN_EMPLOYEE',
  OIDC_NOT_EMPLOYED = 'OIDC_NOT_EMPLOYED',
  OIDC_ROLE_UNMAPPED = 'OIDC_ROLE_UNMAPPED',
  OIDC_PROVIDER_UNAVAILABLE = 'OIDC_PROVIDER_UNAVAILABLE',
}

/** The platform's code of each reason (GraphQL) and the HTTP status of the sign-in routes. */
const MAP: Record<AccountsErrorCode, [ErrorCode, number]> = {
  BAD_USER_INPUT: [ErrorCode.BAD_USER_INPUT, 400],
  INVALID_CREDENTIALS: [ErrorCode.UNAUTHENTICATED, 401],
  ACCOUNT_LOCKED: [ErrorCode.FORBIDDEN, 423],
  SESSION_EXPIRED: [ErrorCode.UNAUTHENTICATED, 401],
  INVITATION_NOT_FOUND: [ErrorCode.NOT_FOUND, 404],
  INVITATION_EXPIRED: [ErrorCode.NOT_FOUND, 410],
  INVALID_CLIENT: [ErrorCode.UNAUTHENTICATED, 401],
  UNSUPPORTED_GRANT_TYPE: [ErrorCode.BAD_USER_INPUT, 400],
  NOT_FOUND: [ErrorCode.NOT_FOUND, 404],
  FORBIDDEN: [ErrorCode.FORBIDDEN, 403],
  CONFLICT: [ErrorCode.CONFLICT, 409],
  OIDC_STATE_MISMATCH: [ErrorCode.BAD_USER_INPUT, 400],
  OIDC_REJECTED: [ErrorCode.UNAUTHENTICATED, 401],
  OIDC_INVALID_TOKEN: [ErrorCode.UNAUTHENTICATED, 401],
  OIDC_UNKNOWN_EMPLOYEE: [ErrorCode.FORBIDDEN, 403],
  OIDC_NOT_EMPLOYED: [ErrorCode.FORBIDDEN, 403],
  OIDC_ROLE_UNMAPPED: [ErrorCode.FORBIDDEN, 403],
  OIDC_PROVIDER_UNAVAILABLE: [ErrorCode.UNAVAILABLE, 502],
};

export class AccountsError extends DomainError {
  override name = 'AccountsError';

  constructor(
    readonly accountsCode: AccountsErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    super(MAP[accountsCode][0], message, accountsCode, details);
  }

  /** The HTTP status a sign-in route answers this with. */
  get status(): number {
    return MAP[this.accountsCode][1];
  }
}

export const invalid = (field: string, message: string) =>
  new AccountsError(AccountsErrorCode.BAD_USER_INPUT, message, { field });

export const invalidCredentials = () =>
  new AccountsError(AccountsErrorCode.INVALID_CREDENTIALS, 'The e-mail or password is wrong.');

export const accountLocked = (until: Date) =>
  new AccountsError(
    AccountsErrorCode.ACCOUNT_LOCKED,
    'Too many failed sign-ins: the account is locked for a while; try again later.',
    { extensions: { lockedUntil: until.toISOString() } },
  );

export const sessionExpired = () =>
  new AccountsError(AccountsErrorCode.SESSION_EXPIRED, 'The session has ended; sign in again.');

export const ticketNotFound = () =>
  new AccountsError(AccountsErrorCode.INVITATION_NOT_FOUND, 'This link is not valid.');

export const ticketExpired = () =>
  new AccountsError(AccountsErrorCode.INVITATION_EXPIRED, 'This link has expired or was used.');

export const invalidClient = () =>
  new AccountsError(AccountsErrorCode.INVALID_CLIENT, 'The client id or secret is wrong.');

export const forbiddenTo = (message: string) =>
  new AccountsError(AccountsErrorCode.FORBIDDEN, message);

export const notFound = (what: string) =>
  new AccountsError(AccountsErrorCode.NOT_FOUND, `${what} was not found.`);
