import { hasRole, type Identity } from '../../../runtime/src/identity';
import { forbiddenTo } from './errors';

/** The ids of an employee's managers in leave's copy, nearest first. */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

const isSelf = (identity: Identity, employeeId: string) =>
  identity.role !== 'PARTNER' && !!identity.employeeId && identity.employeeId === employeeId;

/** Reading leave: self, managers above (direct or indirect), HR, ADMIN and SYSTEM. */
export async function canReadLeave(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (isSelf(identity, employeeId) || hasRole(identity, 'HR', 'SYSTEM')) return true;
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

export async function assertCanReadLeave(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await canReadLeave(identity, employeeId, managersOf)))
    throw forbiddenTo("You may not read this employee's leave.");
}

/** Requesting and cancelling: one's own leave (EMPLOYEE, MANAGER, HR); HR and ADMIN anyone's. */
export function assertCanRequestFor(identity: Identity, employeeId: string): void {
  if (hasRole(identity, 'HR')) return;
  if (isSelf(identity, employeeId) && ['EMPLOYEE', 'MANAGER'].includes(identity.role)) return;
  throw forbiddenTo('You may request and cancel only your own leave.');
}

/**
 * Approving or rejecting: the employee's manager (leave's copy) or HR and ADMIN; never
 * the person whose leave it is, nor whoever asked for it, whatever their role.
 */
export function assertCanDecide(
  identity: Identity,
  request: { employeeId: string; requestedBy: string },
  managerId: string | null,
): void {
  if (identity.employeeId === request.employeeId || identity.subject === request.employeeId)
    throw forbiddenTo('Nobody approves or rejects their own leave.');
  if (identity.subject === request.requestedBy)
    throw forbiddenTo('Nobody approves or rejects a request they made.');
  if (hasRole(identity, 'HR')) return;
  if (identity.role === 'MANAGER' && !!identity.employeeId && identity.employeeId === managerId)
    return;
  throw forbiddenTo("Only the employee's manager, or HR, may approve or reject their leave.");
}

/**
 * Asking whether a request would comply (validateCompliance): whoever may read the
 * employee's leave, so a manager may check a report's plans before they ask.
 */
export async function assertCanCheckFor(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<void> {
  if (!(await canReadLeave(identity, employeeId, managersOf)))
    throw forbiddenTo('You may check leave only for yourself, your reports, or as HR.');
}
