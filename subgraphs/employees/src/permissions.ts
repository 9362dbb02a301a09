import {
  hasRole,
  hasScope,
  type Identity,
  isSelf,
  type ManagerChain,
  mayReadEmployee,
} from '../../../runtime';
import { forbiddenTo } from './errors';

/**
 * How much of an employee a caller may read:
 * - directory: id, number, names, email, department, job title, status, manager, reports;
 * - personal: phone, grade, employment type, dates, location, time zone, version;
 * - salary: the employee alone and HR.
 */
export type Access = 'directory' | 'personal' | 'salary';

export const PARTNER_READ_SCOPE = 'employees:read';

/** Fields a person may change on their own record without HR. */
export const SELF_SERVICE_FIELDS: ReadonlySet<string> = new Set(['phone']);

/** Every authenticated caller, and partners whose token names `employees:read`. */
export const canReadDirectory = (identity: Identity): boolean =>
  identity.role !== 'PARTNER' || hasScope(identity, PARTNER_READ_SCOPE);

export function assertCanReadDirectory(identity: Identity): void {
  if (!canReadDirectory(identity))
    throw forbiddenTo(`Reading employees needs the ${PARTNER_READ_SCOPE} scope.`);
}

/** Self, HR, ADMIN, SYSTEM (adapters), and a MANAGER above the employee. */
export async function canReadPersonal(
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (identity.role === 'PARTNER') return false;
  return mayReadEmployee(identity, employeeId, managersOf, 'HR', 'SYSTEM');
}

/** HR and the employee alone read a salary, not ADMIN, not a manager (docs/domain.md#employees). */
export const canReadSalary = (identity: Identity, employeeId: string): boolean =>
  identity.role === 'HR' || isSelf(identity, employeeId);

export async function canRead(
  access: Access,
  identity: Identity,
  employeeId: string,
  managersOf: ManagerChain,
): Promise<boolean> {
  if (!canReadDirectory(identity)) return false;
  if (access === 'directory') return true;
  if (access === 'salary') return canReadSalary(identity, employeeId);
  return canReadPersonal(identity, employeeId, managersOf);
}

/** Creating, status changes, manager changes and termination: HR and ADMIN. */
export function assertCanManage(identity: Identity): void {
  if (!hasRole(identity, 'HR')) throw forbiddenTo('Only HR may change employees.');
}

/** HR and ADMIN change any field; a person changes only {@link SELF_SERVICE_FIELDS} of their own. */
export function assertCanUpdate(identity: Identity, employeeId: string, fields: string[]): void {
  if (hasRole(identity, 'HR')) return;
  const selfService = identity.role !== 'SYSTEM' && isSelf(identity, employeeId);
  if (selfService && fields.every((field) => SELF_SERVICE_FIELDS.has(field))) return;
  throw forbiddenTo(
    selfService
      ? `You may change only ${[...SELF_SERVICE_FIELDS].join(', ')} on your own record.`
      : 'Only HR may change employees.',
  );
}
