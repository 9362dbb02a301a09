import type { PublicRouteContext } from '../../../../runtime';
import type { AccountsDeps } from '../settings';
import { AccountSchema, EmployeeCopySchema } from '../entities';
import { queueMail } from '../mail';
import { isEmployed } from '../roles';
import { issueTicket, linkOf } from './tickets';

/**
 * Mails a reset link to the account of `email`, if there is one that may sign in and SMTP is
 * set. The caller answers 202 whatever happened here, so nobody learns which e-mails have an
 * account.
 */
export async function requestPasswordReset(
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  email: string,
): Promise<void> {
  const mail = deps.mail;
  if (!mail) return;
  await ctx.em.transactional(async (tx) => {
    const account = await tx.findOne(AccountSchema, { email });
    if (!account) return;
    const employee = account.employeeId
      ? await tx.findOne(EmployeeCopySchema, { id: account.employeeId })
      : null;
    if (!isEmployed(account, employee)) return;
    const now = deps.now();
    const minutes = deps.settings.PASSWORD_RESET_TTL_MINUTES;
    const { token } = await issueTicket(tx, {
      kind: 'PASSWORD_RESET',
      accountId: account.id,
      now,
      ttlMs: minutes * 60_000,
    });
    const link = linkOf(deps.settings.PUBLIC_URL, 'PASSWORD_RESET', token);
    const text =
      `Someone asked to reset the password of your HR platform account. If it was you, choose ` +
      `a new password here (the link works once, for ${minutes} minutes):\n\n${link}\n\n` +
      `If it was not you, ignore this e-mail: your password stays as it is.\n`;
    queueMail(tx, account.email, 'Reset your HR platform password', text, now);
  });
}
