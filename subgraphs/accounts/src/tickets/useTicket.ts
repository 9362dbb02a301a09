import type { EntityManager } from '@mikro-orm/knex';
import type { PublicRouteContext } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import { AccountSchema, EmployeeCopySchema, TicketSchema, type TicketKind } from '../entities';
import { ticketExpired } from '../errors';
import { hashPassword } from '../passwords';
import { isEmployed } from '../roles';
import { revokeAll } from '../sessions/logout';
import { signIn, type SessionAnswer } from '../sessions/sessionAnswer';
import { openTicket } from './tickets';

/**
 * Sets the password a link allows (accepting an invitation, or a reset) and signs in. The
 * link is used up; a reset also ends every other session of the account and lifts a lock.
 */
export async function useTicket(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  kind: TicketKind,
  token: string,
  password: string,
): Promise<SessionAnswer> {
  const ticket = await openTicket(ctx.em, kind, token, deps.now());
  // Hashed before the transaction, which then holds no lock for the hash's time.
  const passwordHash = await hashPassword(password);
  return ctx.em.transactional(async (tx) => {
    const now = deps.now();
    const used = await tx.nativeUpdate(
      TicketSchema,
      { id: ticket.id, usedAt: null, expiresAt: { $gt: now } },
      { usedAt: now },
    );
    if (used === 0) throw ticketExpired();
    const account = await tx.findOneOrFail(AccountSchema, { id: ticket.accountId });
    const employee = account.employeeId
      ? await tx.findOne(EmployeeCopySchema, { id: account.employeeId })
      : null;
    if (!isEmployed(account, employee)) throw ticketExpired();
    // An invitation is for choosing a first password: once there is one, whoever else holds
    // the link (a forwarded e-mail, a colleague) must not replace it.
    if (kind === 'INVITATION' && account.passwordHash) throw ticketExpired();
    if (kind === 'PASSWORD_RESET') {
      await revokeAll(ctx, tx, account.id, now);
      await closeInvitations(tx, account.id, now);
    }
    Object.assign(account, { passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: now });
    return signIn(ctx, tx, account, deps, kind);
  });
}

/** A reset is a first password too: the invitation it answers is done with, and shown so. */
async function closeInvitations(tx: EntityManager, accountId: string, now: Date) {
  await tx.nativeUpdate(
    TicketSchema,
    { accountId, kind: 'INVITATION', usedAt: null },
    { usedAt: now },
  );
}

/** What the page of an invitation shows before the person sets a password. */
export async function describeInvitation(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  token: string,
): Promise<{ email: string; name: string; expiresAt: string }> {
  const ticket = await openTicket(ctx.em, 'INVITATION', token, deps.now());
  const account = await ctx.em.findOneOrFail(AccountSchema, { id: ticket.accountId });
  if (account.passwordHash) throw ticketExpired();
  const employee = account.employeeId
    ? await ctx.em.findOne(EmployeeCopySchema, { id: account.employeeId })
    : null;
  const name = [employee?.firstName, employee?.lastName].filter(Boolean).join(' ');
  return {
    email: account.email,
    name: name || account.email,
    expiresAt: ticket.expiresAt.toISOString(),
  };
}
