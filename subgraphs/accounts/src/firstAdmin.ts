import type { EntityManager } from '@mikro-orm/core';
import type { Cipher } from '../../../runtime';
import type { AccountsDeps } from './settings';
import { AccountSchema } from './entities';
import { accountFor, invite } from './tickets/invitations';

/**
 * An ADMIN account for `email` (made, or given the role) and a one-time invitation link for
 * it: `npm run admin`, and the first start of a platform without any account.
 */
export async function inviteAdmin(
  em: EntityManager,
  deps: AccountsDeps,
  cipher: Cipher,
  email: string,
): Promise<string> {
  return em.transactional(async (tx) => {
    const account = await accountFor(tx, email, deps.now(), { explicitRole: 'ADMIN' });
    account.explicitRole = 'ADMIN';
    return invite(tx, deps, cipher, account, null);
  });
}

/**
 * At the first start, when no account exists: invites INITIAL_ADMIN_EMAIL and returns the
 * link, printed once in the log. Later starts find an account and do nothing.
 */
export async function inviteFirstAdmin(
  em: EntityManager,
  deps: AccountsDeps,
  cipher: Cipher,
): Promise<string | undefined> {
  if ((await em.count(AccountSchema, {})) > 0) return undefined;
  return inviteAdmin(em, deps, cipher, deps.settings.INITIAL_ADMIN_EMAIL);
}
