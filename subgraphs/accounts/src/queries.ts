import type { EntityManager } from '@mikro-orm/core';
import type { Cipher } from '../../../runtime';
import { AccountSchema, TicketSchema, type Account } from './entities';
import { roleOf } from './roles';
import type { AccountsDeps } from './settings';
import { linkOf } from './tickets/tickets';

/** The account of an employee, if they have one. */
export const accountOfEmployee = (em: EntityManager, employeeId: string) =>
  em.findOne(AccountSchema, { employeeId });

/** The latest invitation of an account, as HR reads it. */
export async function invitationOf(
  em: EntityManager,
  cipher: Cipher,
  deps: AccountsDeps,
  account: Account,
) {
  const [ticket] = await em.find(
    TicketSchema,
    { accountId: account.id, kind: 'INVITATION' },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1 },
  );
  if (!ticket?.sealedToken) return null;
  return {
    url: linkOf(deps.settings.PUBLIC_URL, 'INVITATION', cipher.decrypt(ticket.sealedToken)),
    expiresAt: ticket.expiresAt,
    acceptedAt: ticket.usedAt,
  };
}

/** An account as HR and ADMIN see it: its role worked out now, whether it is locked. */
export async function accountView(em: EntityManager, account: Account, now: Date) {
  return {
    email: account.email,
    role: await roleOf(em, account),
    explicitRole: account.explicitRole,
    activated: !!account.passwordHash,
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null,
  };
}
