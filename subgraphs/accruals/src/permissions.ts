import { createReadCheck, type Identity } from '../../../runtime';
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

/**
 * Following a change into the balances: anyone signed in but a partner, who makes no changes
 * to follow and whom accruals answers nothing.
 */
export function assertCanFollowChanges(identity: Identity): void {
  if (identity.role === 'PARTNER') throw forbidden('A partner may not read accruals.');
}
