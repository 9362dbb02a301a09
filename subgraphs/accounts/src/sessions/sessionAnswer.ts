import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { EventData } from '../../../../messaging';
import type { OidcRole, PublicRouteContext } from '../../../../runtime';
import { EmployeeCopySchema, type Account, type Session } from '../entities';
import { loggedIn } from '../events';
import { refreshCookie } from '../http/cookies';
import { nameOf, roleOf, subjectOf, type AccountRole } from '../roles';
import type { AccountsDeps } from '../settings';
import { openSession } from './openSession';

/** What a successful sign-in answers (docs/sign-in.md), and the cookie it sets. */
export interface SessionAnswer {
  body: {
    accessToken: string;
    expiresAt: string;
    user: { email: string; role: AccountRole; employeeId: string | null; name: string };
  };
  cookie: string;
}

/** Signs an access token for `account` (its role worked out now) and the cookie of `session`. */
export async function sessionAnswer(
  ctx: Pick<PublicRouteContext, 'issueToken'>,
  em: EntityManager,
  account: Account,
  session: Session,
  refreshToken: string,
  deps: AccountsDeps,
): Promise<SessionAnswer> {
  const role = await roleOf(em, account, session.providerRole);
  const employee = account.employeeId
    ? await em.findOne(EmployeeCopySchema, { id: account.employeeId })
    : null;
  const ttl = deps.settings.ACCESS_TOKEN_TTL;
  const accessToken = await ctx.issueToken({ role, sub: subjectOf(account), ttlSeconds: ttl });
  // The token's own clock: `exp` is counted from the moment it was signed.
  const expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
  const remaining = (session.expiresAt.getTime() - deps.now().getTime()) / 1000;
  return {
    body: {
      accessToken,
      expiresAt,
      user: {
        email: account.email,
        role,
        employeeId: account.employeeId ?? null,
        name: nameOf(account, employee),
      },
    },
    cookie: refreshCookie(refreshToken, remaining, { secure: deps.secureCookies }),
  };
}

/** How a person got a session. */
export type SignInMethod = EventData<'accounts.user.logged_in'>['method'];

/**
 * Opens a session of `account` (with the role the provider's claims gave, if any), answers
 * with its tokens, and records the sign-in, all in `tx`.
 */
export async function signIn(
  ctx: Pick<PublicRouteContext, 'issueToken' | 'emit'>,
  tx: SqlEntityManager,
  account: Account,
  deps: AccountsDeps,
  method: SignInMethod,
  providerRole: OidcRole | null = null,
): Promise<SessionAnswer> {
  const opened = openSession(tx, account, deps, providerRole);
  const answer = await sessionAnswer(ctx, tx, account, opened.session, opened.refreshToken, deps);
  const data = {
    accountId: account.id,
    sessionId: opened.session.id,
    employeeId: account.employeeId ?? null,
    role: answer.body.user.role,
    method,
  };
  ctx.emit(tx, loggedIn(data), subjectOf(account));
  return answer;
}
