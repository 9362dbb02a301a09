import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/** The ids of an employee's managers in time's copy, nearest first. */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

const isSelf = (identity: Identity, employeeId: string) =>
  identity.role !== 'PARTNER' && identity.employeeId === employeeId;

/** HR, ADMIN and SYSTEM act on anyone's time. */
const actsOnAll = (identity: Identity) => hasRole(identity, 'HR', 'SYSTEM');

async function isManagerOf(identity: Identity, employeeId: string, managersOf: ManagerChain) {
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

/** Reading time and schedules: self, managers above (direct or indirect), HR, ADMIN, SYSTEM. */
export async function canReadTime(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (isSelf(identity, employeeId) || actsOnAll(identity)) return true;
  return isManagerOf(identity, employeeId, managersOf);
}

export async function assertCanReadTime(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await canReadTime(identity, employeeId, managersOf)))
    throw forbiddenTo("You may not read this employee's time.");
}

/** Recording, amending, deleting: one's own time; HR, ADMIN and SYSTEM anyone's. */
export function assertCanWriteTime(identity: Identity, employeeId: string): void {
  if (actsOnAll(identity)) return;
  if (isSelf(identity, employeeId) && ['EMPLOYEE', 'MANAGER'].includes(identity.role)) return;
  throw forbiddenTo('You may record and change only your own time.');
}

/** Publishing a schedule: a MANAGER for their reports; HR and ADMIN for anyone. */
export async function assertCanPublishSchedule(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (hasRole(identity, 'HR')) return;
  if (await isManagerOf(identity, employeeId, managersOf)) return;
  throw forbiddenTo('Only HR, or a manager of the employee, may publish their schedule.');
}
