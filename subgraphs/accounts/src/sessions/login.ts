import { raw } from '@mikro-orm/core';
import type { PublicRouteContext } from '../../../../runtime';
import { MAX_FAILED_SIGN_INS, type AccountsDeps } from '../settings';
import { AccountSchema, EmployeeCopySchema, type Account } from '../entities';
import { accountLocked, invalidCredentials } from '../errors';
import { loginFailed, type FailureReason } from '../events';
import { passwordMatches, spendCheckTime } from '../passwords';
import { isEmployed, subjectOf } from '../roles';
import { signIn, type SessionAnswer } from './sessionAnswer';

/**
 * Signs in with an e-mail and a password. An unknown e-mail and a wrong password get the same
 * answer (after the same work); the fifth failure in a row locks the account for
 * LOGIN_LOCK_MINUTES, and while it is locked an attempt is refused at once and writes nothing.
 */
export async function login(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  email: string,
  password: string,
): Promise<SessionAnswer> {
  const { em } = ctx;
  const account = await em.findOne(AccountSchema, { email });
  if (!account) {
    await spendCheckTime(password);
    await recordFailure(ctx, deps, null, 'UNKNOWN_EMAIL');
    throw invalidCredentials();
  }
  const now = deps.now();
  if (account.lockedUntil && account.lockedUntil > now) throw accountLocked(account.lockedUntil);
  const employee = account.employeeId
    ? await em.findOne(EmployeeCopySchema, { id: account.employeeId })
    : null;
  const reason: FailureReason | undefined = !account.passwordHash
    ? 'NO_PASSWORD'
    : !(await passwordMatches(account.passwordHash, password))
      ? 'WRONG_PASSWORD'
      : !isEmployed(account, employee)
        ? 'NOT_EMPLOYED'
        : undefined;
  if (!account.passwordHash) await spendCheckTime(password);
  if (reason) {
    const locked = await recordFailure(ctx, deps, account, reason);
    throw locked ? accountLocked(locked) : invalidCredentials();
  }
  return em.transactional(async (tx) => {
    const fresh = await tx.findOneOrFail(AccountSchema, { id: account.id });
    Object.assign(fresh, { failedAttempts: 0, lockedUntil: null, updatedAt: now });
    return signIn(ctx, tx, fresh, deps, 'PASSWORD');
  });
}

/**
 * Counts a failure (one statement, so concurrent failures all count) and records it; the
 * fifth in a row locks the account and starts the count again. Returns when the lock ends,
 * if this failure locked it.
 */
async function recordFailure(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  account: Account | null,
  reason: FailureReason,
): Promise<Date | undefined> {
  return ctx.em.fork().transactional(async (tx) => {
    let failedAttempts = 0;
    let lockedUntil: Date | null = null;
    if (account) {
      await tx.nativeUpdate(
        AccountSchema,
        { id: account.id },
        { failedAttempts: raw('failed_attempts + 1') },
      );
      const fresh = await tx.findOneOrFail(AccountSchema, { id: account.id }, { refresh: true });
      failedAttempts = fresh.failedAttempts;
      if (failedAttempts >= MAX_FAILED_SIGN_INS) {
        const now = deps.now();
        lockedUntil = new Date(now.getTime() + deps.settings.LOGIN_LOCK_MINUTES * 60_000);
        Object.assign(fresh, { failedAttempts: 0, lockedUntil, updatedAt: now });
      }
    }
    const data = {
      accountId: account?.id ?? null,
      reason,
      failedAttempts,
      lockedUntil: lockedUntil?.toISOString() ?? null,
    };
    ctx.emit(tx, loginFailed(data), account ? subjectOf(account) : undefined);
    return lockedUntil ?? undefined;
  });
}
