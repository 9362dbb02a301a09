import { createReadCheck } from '../../../runtime';
import { forbidden } from './errors';

/**
 * Reading balances: the employee, a manager above them in the reporting line (from
 * accruals' copy of each `managerId`), HR, ADMIN and SYSTEM.
 */
export const assertCanReadAccruals = createReadCheck(
  () => forbidden("You may not read this employee's accruals."),
  'HR',
  'SYSTEM',
);
