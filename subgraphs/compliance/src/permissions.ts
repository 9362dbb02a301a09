import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/** The ids of an employee's managers in compliance's copy, nearest first. */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

const isSelf = (identity: Identity, employeeId: string) =>
  identity.role !== 'PARTNER' && !!identity.employeeId && identity.employeeId === employeeId;

/** Policies, courses and assignments are changed by HR and ADMIN. */
export function assertHr(identity: Identity, what: string): void {
  if (hasRole(identity, 'HR')) return;
  throw forbiddenTo(`Only HR may ${what}.`);
}

/** Policies and courses are read by anyone signed in as a person or a service, not a partner. */
export function assertNotPartner(identity: Identity, what: string): void {
  if (identity.role !== 'PARTNER') return;
  throw forbiddenTo(`A partner may not read ${what}.`);
}

/** Everyone's violations and training: HR, ADMIN, AUDITOR (reading) and SYSTEM. */
export const seesEveryone = (identity: Identity): boolean =>
  hasRole(identity, 'HR', 'AUDITOR', 'SYSTEM');

/**
 * One person's violations or training: the person, their managers (direct or indirect),
 * and whoever sees everyone.
 */
export async function canSeePerson(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (isSelf(identity, employeeId) || seesEveryone(identity)) return true;
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

export async function assertCanSeePerson(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
  what: string,
): Promise<void> {
  if (!(await canSeePerson(identity, employeeId, managersOf)))
    throw forbiddenTo(`You may not read this employee's ${what}.`);
}
