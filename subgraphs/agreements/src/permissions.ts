import { hasRole, type Identity, type ManagerChain, mayReadEmployee } from '../../../runtime';
import { forbiddenTo } from './errors';

/** HR, ADMIN and SYSTEM read all; a person reads their own; a MANAGER also their reports. */
export async function canReadAgreementsOf(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (identity.role === 'PARTNER') return false;
  return mayReadEmployee(identity, employeeId, managersOf, 'HR', 'SYSTEM');
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
