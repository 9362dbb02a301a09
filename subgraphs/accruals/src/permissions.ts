import { type Identity, type ManagerChain, mayReadEmployee } from '../../../runtime';
import { forbidden } from './errors';

/**
 * Reading balances: the employee, a manager above them in the reporting line (from
 * accruals' copy of each `managerId`), HR, ADMIN and SYSTEM.
 */
export async function assertCanReadAccruals(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await mayReadEmployee(identity, employeeId, managersOf, 'HR', 'SYSTEM')))
    throw forbidden("You may not read this employee's accruals.");
}
