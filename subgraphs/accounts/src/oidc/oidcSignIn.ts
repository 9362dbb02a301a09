import type { PublicRouteContext } from '../../../../runtime';
import { AccountSchema, EmployeeCopySchema, type Account } from '../entities';
import { accountsError, accountsErrors, AccountsReason } from '../errors';
import { loginFailed, type FailureReason } from '../events';
import { isEmployed, subjectOf } from '../roles';
import { signIn, type SessionAnswer } from '../sessions/sessionAnswer';
import { employeeIdOf, mappedRole, type Claims } from './claims';
import type { OidcOptions } from './oidcOptions';
import type { AccountsDeps } from '../settings';

/** The reason the audit log records for each refusal of an OIDC sign-in. */
const REASON: Partial<Record<AccountsReason, FailureReason>> = {
  OIDC_STATE_MISMATCH: 'OIDC_STATE_MISMATCH',
  OIDC_REJECTED: 'OIDC_REJECTED',
  OIDC_INVALID_TOKEN: 'OIDC_INVALID_TOKEN',
  OIDC_UNKNOWN_EMPLOYEE: 'OIDC_UNKNOWN_EMPLOYEE',
  OIDC_NOT_EMPLOYED: 'NOT_EMPLOYED',
  OIDC_ROLE_UNMAPPED: 'OIDC_ROLE_UNMAPPED',
};

/** A refusal that names the account it was about, once the claims named one. */
class AccountRefusal extends accountsErrors.Error {
  constructor(
    reason: AccountsReason,
    message: string,
    readonly account: Account,
  ) {
    super(reason, message);
  }
}

/**
 * The account the verified claims name, and the role they map to: the employee claim must name
 * an employee with an account who may still sign in, and the role claim a mapped value.
 */
async function accountOf(ctx: PublicRouteContext, claims: Claims, options: OidcOptions) {
  const employeeId = employeeIdOf(claims, options);
  const account = employeeId ? await ctx.em.findOne(AccountSchema, { employeeId }) : null;
  if (!account)
    throw accountsError(
      AccountsReason.OIDC_UNKNOWN_EMPLOYEE,
      `Your ${options.name} account names nobody on this platform; ask HR or an administrator to check the "${options.employeeClaim}" it sends.`,
    );
  const employee = await ctx.em.findOne(EmployeeCopySchema, { id: employeeId });
  if (!isEmployed(account, employee))
    throw new AccountRefusal(
      AccountsReason.OIDC_NOT_EMPLOYED,
      'This person may no longer sign in.',
      account,
    );
  const role = mappedRole(claims, options);
  if (!role)
    throw new AccountRefusal(
      AccountsReason.OIDC_ROLE_UNMAPPED,
      `Your ${options.name} account has no role on this platform; ask an administrator to give your group one.`,
      account,
    );
  return { account, role };
}

/**
 * Starts the platform's own session for the person the verified ID token's claims name, as a
 * password sign-in does (the refresh cookie, an access token of the platform's issuer), with
 * the role the claims map to; recorded as a sign-in by OIDC. OIDC never counts toward, nor
 * lifts, the password lock.
 */
export async function signInWithClaims(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  options: OidcOptions,
  claims: Claims,
): Promise<SessionAnswer> {
  const { account, role } = await accountOf(ctx, claims, options);
  return ctx.em.transactional(async (tx) => {
    const fresh = await tx.findOneOrFail(AccountSchema, { id: account.id });
    return signIn(ctx, tx, fresh, deps, 'OIDC', role);
  });
}

/** Records a refused OIDC sign-in (accounts.user.login_failed) when it is one of ours. */
export async function recordRefusal(ctx: PublicRouteContext, error: unknown): Promise<void> {
  const reason = accountsErrors.is(error) ? REASON[error.reason as AccountsReason] : undefined;
  if (!reason) return;
  const account = error instanceof AccountRefusal ? error.account : null;
  await ctx.em.fork().transactional(async (tx) => {
    const data = { accountId: account?.id ?? null, reason, failedAttempts: 0, lockedUntil: null };
    ctx.emit(tx, loginFailed(data), account ? subjectOf(account) : undefined);
  });
}
