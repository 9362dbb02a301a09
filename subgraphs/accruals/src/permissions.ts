import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/**
 * Reading balances: the employee, their direct manager (from accruals' copy of
 * `managerId`), HR, ADMIN and SYSTEM. Indirect managers are not known here.
 */
export function assertCanReadAccruals(
  identity: Identity,
  employeeId: string,
  managerId: string | null,
): void {
  if (hasRole(identity, 'HR', 'SYSTEM')) return;
  if (identity.role !== 'PARTNER' && identity.employeeId === employeeId) return;
  if (identity.role === 'MANAGER' && !!identity.employeeId && identity.employeeId === managerId)
    return;
  throw forbiddenTo("You may not read this employee's accruals.");
}
