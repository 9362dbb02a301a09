import type { EntityManager } from '@mikro-orm/core';
import type { Role } from '../../../../runtime/src/identity';
import type { PublicRouteContext } from '../../../../runtime/src/subgraph/SubgraphModule';
import type { AccountsDeps } from '../deps';
import { EmployeeCopySchema, type Account, type Session } from '../entities';
import { refreshCookie } from '../http/cookies';
import { nameOf, roleOf, subjectOf } from '../roles';

/** What a successful sign-in answers (docs/sign-in.md), and the cookie it sets. */
export interface SessionAnswer {
  body: {
    accessToken: string;
    expiresAt: string;
    user: { email: string; role: Role; employeeId: string | null; name: string };
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
        employeeId: account.employeeId,
        name: nameOf(account, employee),
      },
    },
    cookie: refreshCookie(refreshToken, remaining, { secure: deps.secureCookies }),
  };
}
