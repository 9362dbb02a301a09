import type { EntityManager } from '@mikro-orm/core';
import { type OidcRole, SERVICE_PREFIX } from '../../../runtime';
import { EmployeeCopySchema, type Account, type EmployeeCopy, type ExplicitRole } from './entities';

/** The roles a person signs in with (never PARTNER or SYSTEM, which are no one's account). */
export type AccountRole = OidcRole | ExplicitRole | 'MANAGER' | 'EMPLOYEE';

/**
 * The role an account signs in with, worked out at every sign-in and refresh: the role ADMIN
 * or HR gave it, else MANAGER while someone (not terminated) reports to its employee, else
 * EMPLOYEE. A session opened through OpenID Connect has the role the provider's claims gave
 * instead of the one ADMIN or HR gave; EMPLOYEE from there is still MANAGER while someone
 * reports to the person.
 */
export async function roleOf(
  em: EntityManager,
  account: Account,
  providerRole: OidcRole | null = null,
): Promise<AccountRole> {
  if (providerRole && providerRole !== 'EMPLOYEE') return providerRole;
  if (account.explicitRole && !providerRole) return account.explicitRole;
  if (!account.employeeId) return 'EMPLOYEE';
  const reports = await em.count(EmployeeCopySchema, {
    managerId: account.employeeId,
    status: { $ne: 'TERMINATED' },
  });
  return reports > 0 ? 'MANAGER' : 'EMPLOYEE';
}

/** The token's subject: the employee, or a service principal of the account for one without. */
export const subjectOf = (account: Account): string =>
  account.employeeId ?? `${SERVICE_PREFIX}account-${account.id}`;

/** The name the web app greets with: the employee's, else the e-mail. */
export const nameOf = (account: Account, employee: EmployeeCopy | null): string => {
  const name = [employee?.firstName, employee?.lastName].filter(Boolean).join(' ');
  return name || account.email;
};

/** Whether the account's employee may still sign in (a terminated person may not). */
export const isEmployed = (account: Account, employee: EmployeeCopy | null): boolean =>
  !account.employeeId || employee?.status !== 'TERMINATED';
