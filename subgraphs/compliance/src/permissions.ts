import { hasRole, type Identity, type ManagerChain, mayReadEmployee } from '../../../runtime';
import { forbidden } from './errors';

/** Policies, courses and assignments are changed by HR and ADMIN. */
export function assertHr(identity: Identity, what: string): void {
  if (hasRole(identity, 'HR')) return;
  throw forbidden(`Only HR may ${what}.`);
}

/** Policies and courses are read by anyone signed in as a person or a service, not a partner. */
export function assertNotPartner(identity: Identity, what: string): void {
  if (identity.role !== 'PARTNER') return;
  throw forbidden(`A partner may not read ${what}.`);
}

/** A policy's past and scheduled versions: HR, ADMIN and AUDITOR. */
export function assertReadsHistory(identity: Identity): void {
  if (hasRole(identity, 'HR', 'AUDITOR')) return;
  throw forbidden("Only HR, ADMIN and AUDITOR may read a policy's history.");
}

/** Everyone's violations and training: HR, ADMIN, AUDITOR (reading) and SYSTEM. */
export const seesEveryone = (identity: Identity): boolean =>
  hasRole(identity, 'HR', 'AUDITOR', 'SYSTEM');

/**
 * One person's violations or training: the person, their managers (direct or indirect),
 * and whoever sees everyone.
 */
export const canSeePerson = (
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> => mayReadEmployee(identity, employeeId, managersOf, 'HR', 'AUDITOR', 'SYSTEM');

export async function assertCanSeePerson(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
  what: string,
): Promise<void> {
  if (!(await canSeePerson(identity, employeeId, managersOf)))
    throw forbidden(`You may not read this employee's ${what}.`);
}
