import type { CataloguedEvent, EventType } from '../../../messaging';
export const EMPLOYEE_STATUSES = ['ACTIVE', 'INACTIVE', 'ON_LEAVE', 'TERMINATED'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/** The employees events a full copy of an employee is kept from. */
export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.employee.status_changed',
  'employees.employee.terminated',
  'employees.manager.assigned',
] as const satisfies readonly EventType[];

/** One of the events a copy of an employee is kept from. */
export type EmployeeEvent = CataloguedEvent<(typeof EMPLOYEE_EVENTS)[number]>;

/**
 * The type a record looked up from employees is applied to a copy as: it says what
 * `employees.employee.created` says, at the employee's current version, plus the
 * termination date. It is never published.
 */
export const EMPLOYEE_LOOKED_UP = 'employees.employee.looked_up';

/** The parts of an employees event's data that copies read; each event carries some. */
export interface EmployeeEventData {
  employeeId: string;
  /** Every employees event carries it. */
  employeeNumber: string;
  version: number;
  status?: EmployeeStatus;
  managerId?: string | null;
  location?: string;
  department?: string | null;
  timeZone?: string;
  hireDate?: string;
  /** terminated: the last day; a looked-up record says null when there is none. */
  terminationDate?: string | null;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** status_changed: the new status. */
  to?: EmployeeStatus;
  /** updated: the fields that changed. */
  changes?: Record<string, { new?: unknown } | undefined>;
}
