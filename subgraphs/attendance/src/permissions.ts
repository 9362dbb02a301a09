import {
  createManagerWriteCheck,
  createOwnWriteCheck,
  hasRole,
  type Identity,
  isManagerAbove,
  isSelfAsEmployee,
  type ManagerChain,
} from '../../../runtime';
import { forbidden } from './errors';

/** Reading attendance: the employee, their managers (direct or indirect), HR, ADMIN, SYSTEM. */
export async function assertCanReadAttendance(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  // One's own attendance is read with an employee's token only, unlike most domains.
  if (hasRole(identity, 'HR', 'SYSTEM') || isSelfAsEmployee(identity, employeeId)) return;
  if (await isManagerAbove(identity, employeeId, managersOf)) return;
  throw forbidden("You may not read this employee's attendance.");
}

/** Checking in and out: one's own (EMPLOYEE, MANAGER); HR, ADMIN and SYSTEM (kiosks) for anyone. */
export const assertCanCheckIn = createOwnWriteCheck(
  () => forbidden('You may check in and out only yourself.'),
  'HR',
  'SYSTEM',
);

/** Manual entries and corrections: a manager of the employee (never their own), HR, ADMIN. */
export const assertCanRecordManual = createManagerWriteCheck(
  () =>
    forbidden(
      "Only HR, or a manager of the employee, may record manual attendance; never for one's own.",
    ),
  'HR',
);

/** Running daily processing on demand: HR, ADMIN and SYSTEM. */
export function assertCanProcess(identity: Identity): void {
  if (hasRole(identity, 'HR', 'SYSTEM')) return;
  throw forbidden('Only HR and SYSTEM may run attendance processing.');
}
