import {
  createOwnWriteCheck,
  createReadCheck,
  hasRole,
  type Identity,
  isManagerAbove,
  type ManagerChain,
  mayReadEmployee,
  type Role,
} from '../../../runtime';
import { forbidden } from './errors';

/** Who reads leave beside the employee and their managers above (ADMIN always). */
const READERS: Role[] = ['HR', 'SYSTEM'];

/** Reading leave: self, managers above (direct or indirect), HR, ADMIN and SYSTEM. */
export const canReadLeave = (
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> => mayReadEmployee(identity, employeeId, managersOf, ...READERS);

export const assertCanReadLeave = createReadCheck(
  () => forbidden("You may not read this employee's leave."),
  ...READERS,
);

/** Requesting and cancelling: one's own leave (EMPLOYEE, MANAGER, HR); HR and ADMIN anyone's. */
export const assertCanRequestFor = createOwnWriteCheck(
  () => forbidden('You may request and cancel only your own leave.'),
  'HR',
);

/**
 * Approving or rejecting: the employee's manager (leave's copy) or HR and ADMIN; never
 * the person whose leave it is, nor whoever asked for it, whatever their role.
 */
export async function assertCanDecide(
  identity: Identity,
  request: { employeeId: string; requestedBy: string },
  managerId: string | null,
): Promise<void> {
  if (identity.employeeId === request.employeeId || identity.subject === request.employeeId)
    throw forbidden('Nobody approves or rejects their own leave.');
  if (identity.subject === request.requestedBy)
    throw forbidden('Nobody approves or rejects a request they made.');
  if (hasRole(identity, 'HR')) return;
  // Only the manager directly above decides, not one further up the line.
  const directManager: ManagerChain = async () => (managerId ? [managerId] : []);
  if (await isManagerAbove(identity, request.employeeId, directManager)) return;
  throw forbidden("Only the employee's manager, or HR, may approve or reject their leave.");
}

/**
 * Whether the caller is shown their direct reports' pending leave: only those who may decide
 * it (a MANAGER, HR, ADMIN). Another role with reports, a partner's token naming a person,
 * may not read it, and would otherwise see every reason given.
 */
export const decidesForReports = (identity: Identity): boolean =>
  identity.role === 'MANAGER' || hasRole(identity, 'HR');

/** The leave types' rules: anyone signed in but a partner, whom every domain but employees refuses. */
export function assertCanReadPolicies(identity: Identity): void {
  if (identity.role === 'PARTNER') throw forbidden('A partner may not read leave policies.');
}

/**
 * Asking whether a request would comply (validateCompliance): whoever may read the
 * employee's leave, so a manager may check a report's plans before they ask.
 */
export const assertCanCheckFor = createReadCheck(
  () => forbidden('You may check leave only for yourself, your reports, or as HR.'),
  ...READERS,
);
