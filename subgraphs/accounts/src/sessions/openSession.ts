import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { RefreshTokenSchema, SessionSchema, type Account, type Session } from '../entities';
import type { OidcRole } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import { randomToken, tokenHash } from '../secrets';

/** A session and the refresh token the cookie carries (never stored as such). */
export interface OpenedSession {
  session: Session;
  refreshToken: string;
}

/**
 * Starts a session of `account` lasting REFRESH_TTL, with its first refresh token; one opened
 * through OpenID Connect keeps the role the provider's claims gave.
 */
export function openSession(
  em: EntityManager,
  account: Account,
  deps: AccountsDeps,
  providerRole: OidcRole | null = null,
): OpenedSession {
  const now = deps.now();
  const session = em.create(SessionSchema, {
    id: uuidv7(),
    accountId: account.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.settings.REFRESH_TTL * 1000),
    revokedAt: null,
    revokedBecause: null,
    providerRole,
  });
  em.persist(session);
  return { session, refreshToken: nextRefreshToken(em, session, now) };
}

/** A new refresh token of `session`, stored by its hash. */
export function nextRefreshToken(em: EntityManager, session: Session, now: Date): string {
  const token = randomToken();
  em.persist(
    em.create(RefreshTokenSchema, {
      hash: tokenHash(token),
      sessionId: session.id,
      createdAt: now,
      usedAt: null,
    }),
  );
  return token;
}
