import type { EntityManager } from '@mikro-orm/knex';
import type { PublicRouteContext } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import {
  AccountSchema,
  EmployeeCopySchema,
  RefreshTokenSchema,
  SessionSchema,
  type Session,
} from '../entities';
import { sessionExpired } from '../errors';
import { loggedOut } from '../events';
import { isEmployed, subjectOf } from '../roles';
import { tokenHash } from '../secrets';
import { nextRefreshToken } from './openSession';
import { sessionAnswer, type SessionAnswer } from './sessionAnswer';

/** A live session: not revoked, not expired. */
const isAlive = (session: Session | null, now: Date): session is Session =>
  !!session && !session.revokedAt && session.expiresAt > now;

/**
 * A new access token and a new refresh token for the one the cookie carries, which is used up.
 * A refresh token that was used already means it was copied: the session ends, for whoever
 * holds either token.
 */
export async function refresh(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  token: string | undefined,
): Promise<SessionAnswer> {
  if (!token) throw sessionExpired();
  const hash = tokenHash(token);
  const now = deps.now();
  const outcome = await ctx.em.transactional(async (tx) => {
    const row = await tx.findOne(RefreshTokenSchema, { hash });
    const session = row && (await tx.findOne(SessionSchema, { id: row.sessionId }));
    if (!row || !isAlive(session, now)) return 'expired' as const;
    // One statement decides which of two concurrent uses wins; the other is a reuse.
    const used = await tx.nativeUpdate(RefreshTokenSchema, { hash, usedAt: null }, { usedAt: now });
    if (used === 0) {
      await revoke(ctx, tx, session, 'REFRESH_TOKEN_REUSED', now);
      return 'reused' as const;
    }
    const account = await tx.findOne(AccountSchema, { id: session.accountId });
    const employee = account?.employeeId
      ? await tx.findOne(EmployeeCopySchema, { id: account.employeeId })
      : null;
    if (!account || !isEmployed(account, employee)) return 'expired' as const;
    const next = nextRefreshToken(tx, session, now);
    return sessionAnswer(ctx, tx, account, session, next, deps);
  });
  if (typeof outcome === 'string') throw sessionExpired();
  return outcome;
}

/** Ends `session` now, recording why; a session already ended stays as it was. */
export async function revoke(
  ctx: Pick<PublicRouteContext, 'emit'>,
  tx: EntityManager,
  session: Session,
  reason: 'SIGNED_OUT' | 'REFRESH_TOKEN_REUSED',
  now: Date,
): Promise<void> {
  if (session.revokedAt) return;
  session.revokedAt = now;
  session.revokedBecause = reason === 'SIGNED_OUT' ? 'SIGNED_OUT' : 'REUSED';
  const account = await tx.findOne(AccountSchema, { id: session.accountId });
  const data = { accountId: session.accountId, sessionId: session.id, reason };
  ctx.emit(tx, loggedOut(data), account ? subjectOf(account) : undefined);
}
