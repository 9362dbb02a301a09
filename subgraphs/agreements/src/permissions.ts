import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/** The ids of an employee's managers, nearest first (from the local copy). */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

/** HR, ADMIN and SYSTEM read all; a person reads their own; a MANAGER also their reports. */
export async function canReadAgreementsOf(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (identity.role === 'PARTNER') return false;
  if (hasRole(identity, 'HR', 'SYSTEM')) return true;
  if (identity.employeeId === employeeId) return true;
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

export async function assertCanRead(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await canReadAgreementsOf(identity, employeeId, managersOf)))
    throw forbiddenTo("You may not read this employee's agreements.");
}

/** Creating, amending and importing: HR and ADMIN. */
export function assertCanWrite(identity: Identity): void {
  if (!hasRole(identity, 'HR')) throw forbiddenTo('Only HR may change agreements.');
}
