import type { PublicRouteContext } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import { RefreshTokenSchema, SessionSchema } from '../entities';
import { tokenHash } from '../secrets';
import { revoke } from './refresh';

/** Ends the session the cookie belongs to, if it is alive; without one there is nothing to do. */
export async function logout(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  token: string | undefined,
): Promise<void> {
  if (!token) return;
  const now = deps.now();
  await ctx.em.transactional(async (tx) => {
    const row = await tx.findOne(RefreshTokenSchema, { hash: tokenHash(token) });
    const session = row && (await tx.findOne(SessionSchema, { id: row.sessionId }));
    if (session && !session.revokedAt) await revoke(ctx, tx, session, 'SIGNED_OUT', now);
  });
}

/** Ends every live session of an account (a new password), recording each. */
export async function revokeAll(
  ctx: Pick<PublicRouteContext, 'emit'>,
  tx: Parameters<typeof revoke>[1],
  accountId: string,
  now: Date,
): Promise<void> {
  const sessions = await tx.find(SessionSchema, { accountId, revokedAt: null });
  for (const session of sessions) await revoke(ctx, tx, session, 'SIGNED_OUT', now);
}
