import { createReadCheck, hasRole, type Identity } from '../../../runtime';
import { forbiddenTo } from './errors';

/**
 * HR, ADMIN and SYSTEM read all; a person reads their own; a MANAGER also their reports
 * (a partner never: it is no employee, manager or role of these).
 */
export const assertCanRead = createReadCheck(
  () => forbiddenTo("You may not read this employee's agreements."),
  'HR',
  'SYSTEM',
);

/** Creating, amending and importing: HR and ADMIN. */
export function assertCanWrite(identity: Identity): void {
  if (!hasRole(identity, 'HR')) throw forbiddenTo('Only HR may change agreements.');
}
