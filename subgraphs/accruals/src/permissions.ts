import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/**
 * Reading balances: the employee, a manager above them in the reporting line (from
 * accruals' copy of each `managerId`), HR, ADMIN and SYSTEM.
 */
export function assertCanReadAccruals(
  identity: Identity,
  employeeId: string,
  managers: string[],
): void {
  if (hasRole(identity, 'HR', 'SYSTEM')) return;
  if (identity.role !== 'PARTNER' && identity.employeeId === employeeId) return;
  if (
    identity.role === 'MANAGER' &&
    !!identity.employeeId &&
    managers.includes(identity.employeeId)
  )
    return;
  throw forbiddenTo("You may not read this employee's accruals.");
}
