import { hasRole, type Identity, type Role } from './identity';

/** The ids of an employee's managers in a subgraph's copy, nearest first. */
export type ManagerChain = (employeeId: string) => Promise<readonly string[]>;

/** The caller is this employee (a partner acting for someone never is). */
export const isSelf = (identity: Identity, employeeId: string): boolean =>
  identity.role !== 'PARTNER' && !!identity.employeeId && identity.employeeId === employeeId;

/** The caller is a MANAGER anywhere above this employee, directly or not. */
export async function isManagerAbove(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (identity.role !== 'MANAGER' || !identity.employeeId) return false;
  return (await managersOf(employeeId)).includes(identity.employeeId);
}

/**
 * Who may read an employee's data in most domains (docs/domain.md#who-may-do-what): the
 * employee, their managers above, and the roles given (ADMIN always).
 */
export async function mayReadEmployee(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
  ...roles: Role[]
): Promise<boolean> {
  if (isSelf(identity, employeeId) || hasRole(identity, ...roles)) return true;
  return isManagerAbove(identity, employeeId, managersOf);
}

/** A check that refuses whoever may not read an employee's data (see {@link mayReadEmployee}). */
export type ReadCheck = (
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
) => Promise<void>;

/** The read check of a domain: the employee, their managers above and `roles`, else `refusal`. */
export function createReadCheck(refusal: () => Error, ...roles: Role[]): ReadCheck {
  return async (identity, employeeId, managersOf) => {
    if (!(await mayReadEmployee(identity, employeeId, managersOf, ...roles))) throw refusal();
  };
}

/**
 * The check of a write a manager makes for their reports (publishing a schedule, recording
 * manual attendance): `roles` for anyone (ADMIN always), else a MANAGER above the employee,
 * never for themself; else `refusal`.
 */
export function createManagerWriteCheck(refusal: () => Error, ...roles: Role[]): ReadCheck {
  return async (identity, employeeId, managersOf) => {
    if (hasRole(identity, ...roles)) return;
    if (!isSelf(identity, employeeId) && (await isManagerAbove(identity, employeeId, managersOf)))
      return;
    throw refusal();
  };
}
