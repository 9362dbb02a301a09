import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { Cipher } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import { AccountSchema, type Account, type EmployeeCopy, type ExplicitRole } from '../entities';
import { queueMail } from '../mail';
import { issueTicket, linkOf } from './tickets';

/** The account of an e-mail, made (without a password) when there is none. */
export async function accountFor(
  em: EntityManager,
  email: string,
  now: Date,
  fields: { employeeId?: string | null; explicitRole?: ExplicitRole | null } = {},
): Promise<Account> {
  return (await em.findOne(AccountSchema, { email })) ?? newAccount(em, email, now, fields);
}

/** A new account of an e-mail, without a password; the caller knows none holds the e-mail. */
export function newAccount(
  em: EntityManager,
  email: string,
  now: Date,
  fields: { employeeId?: string | null; explicitRole?: ExplicitRole | null } = {},
): Account {
  const account = em.create(AccountSchema, {
    id: uuidv7(),
    email,
    passwordHash: null,
    employeeId: fields.employeeId ?? null,
    explicitRole: fields.explicitRole ?? null,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  });
  em.persist(account);
  return account;
}

/**
 * A new invitation link for `account`, mailed when SMTP is set; earlier links stop working.
 * Returns the link (HR reads it as `Employee.invitation`).
 */
export async function invite(
  em: EntityManager,
  deps: AccountsDeps,
  cipher: Cipher,
  account: Account,
  employee: EmployeeCopy | null,
): Promise<string> {
  const link = await queueInvitation(em, deps, cipher, account, employee);
  await em.flush();
  return link;
}

/**
 * `invite`, left for the caller to flush (a batch of hires flushes once). An account made in
 * this transaction (`fresh`) has no earlier links to stop.
 */
export async function queueInvitation(
  em: EntityManager,
  deps: AccountsDeps,
  cipher: Cipher,
  account: Account,
  employee: EmployeeCopy | null,
  { fresh = false } = {},
): Promise<string> {
  const now = deps.now();
  const { token } = await issueTicket(em, {
    kind: 'INVITATION',
    accountId: account.id,
    now,
    ttlMs: deps.settings.INVITATION_TTL_HOURS * 3600_000,
    cipher,
    fresh,
  });
  const link = linkOf(deps.settings.PUBLIC_URL, 'INVITATION', token);
  if (deps.mail) {
    const greeting = employee?.firstName ? `Hello ${employee.firstName},` : 'Hello,';
    const text =
      `${greeting}\n\nYou have been invited to the HR platform. Choose your password here ` +
      `(the link works once, for ${deps.settings.INVITATION_TTL_HOURS} hours):\n\n${link}\n`;
    queueMail(em, account.email, 'Your invitation to the HR platform', text, now);
  }
  return link;
}
