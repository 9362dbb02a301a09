import { isSelf } from './access';
import { hasRole, type Identity, type Role } from './identity';

/**
 * The caller is this employee with an employee's own token (EMPLOYEE or MANAGER): HR and
 * ADMIN act on their own data through their wider rights, FINANCE and AUDITOR not at all
 * (docs/domain.md#who-may-do-what).
 */
export const isSelfAsEmployee = (identity: Identity, employeeId: string): boolean =>
  isSelf(identity, employeeId) && (identity.role === 'EMPLOYEE' || identity.role === 'MANAGER');

/** A check that refuses whoever may not write this employee's own data. */
export type OwnWriteCheck = (identity: Identity, employeeId: string) => void;

/**
 * The check of a write one makes for oneself (checking in, recording time, requesting
 * leave): the employee themself (see {@link isSelfAsEmployee}) and `roles` for anyone (ADMIN
 * always), else `refusal`.
 */
export function createOwnWriteCheck(refusal: () => Error, ...roles: Role[]): OwnWriteCheck {
  return (identity, employeeId) => {
    if (!hasRole(identity, ...roles) && !isSelfAsEmployee(identity, employeeId)) throw refusal();
  };
}
