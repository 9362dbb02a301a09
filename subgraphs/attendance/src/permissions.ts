import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/** The ids of an employee's managers in attendance's copy, nearest first. */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

const isSelf = (identity: Identity, employeeId: string) =>
  ['EMPLOYEE', 'MANAGER'].includes(identity.role) && identity.employeeId === employeeId;

async function isManagerOf(identity: Identity, employeeId: string, managersOf: ManagerChain) {
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  if (identity.employeeId === employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

/** Reading attendance: the employee, their managers (direct or indirect), HR, ADMIN, SYSTEM. */
export async function canReadAttendance(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (hasRole(identity, 'HR', 'SYSTEM') || isSelf(identity, employeeId)) return true;
  return isManagerOf(identity, employeeId, managersOf);
}

export async function assertCanReadAttendance(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await canReadAttendance(identity, employeeId, managersOf)))
    throw forbiddenTo("You may not read this employee's attendance.");
}

/** Checking in and out: one's own (EMPLOYEE, MANAGER); HR, ADMIN and SYSTEM (kiosks) for anyone. */
export function assertCanCheckIn(identity: Identity, employeeId: string): void {
  if (hasRole(identity, 'HR', 'SYSTEM') || isSelf(identity, employeeId)) return;
  throw forbiddenTo('You may check in and out only yourself.');
}

/** Manual entries and corrections: a manager of the employee (never their own), HR, ADMIN. */
export async function assertCanRecordManual(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (hasRole(identity, 'HR')) return;
  if (await isManagerOf(identity, employeeId, managersOf)) return;
  throw forbiddenTo(
    "Only HR, or a manager of the employee, may record manual attendance; never for one's own.",
  );
}

/** Running daily processing on demand: HR, ADMIN and SYSTEM. */
export function assertCanProcess(identity: Identity): void {
  if (hasRole(identity, 'HR', 'SYSTEM')) return;
  throw forbiddenTo('Only HR and SYSTEM may run attendance processing.');
}
