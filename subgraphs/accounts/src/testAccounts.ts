import type { EntityManager } from '@mikro-orm/core';
import type { ExplicitRole } from './entities';
import { hashPassword } from './passwords';
import { accountFor } from './tickets/invitations';

/** What {@link createAccount} makes. */
export interface AccountDraft {
  email: string;
  password: string;
  /** The employee the account is (sign-in then works out EMPLOYEE or MANAGER). */
  employeeId?: string | null;
  /** A role given outright (HR, FINANCE, AUDITOR, ADMIN). */
  role?: ExplicitRole | null;
}

/**
 * An account that can sign in at once, with its password set: for tests and tools, which
 * have no mailbox to follow an invitation from. An existing account of the e-mail is updated.
 */
export async function createAccount(em: EntityManager, draft: AccountDraft): Promise<string> {
  const passwordHash = await hashPassword(draft.password);
  return em.fork().transactional(async (tx) => {
    const email = draft.email.trim().toLowerCase();
    const account = await accountFor(tx, email, new Date());
    Object.assign(account, {
      passwordHash,
      employeeId: draft.employeeId ?? account.employeeId,
      explicitRole: draft.role ?? account.explicitRole,
      failedAttempts: 0,
      lockedUntil: null,
    });
    await tx.flush();
    return account.id;
  });
}
