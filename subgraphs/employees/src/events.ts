import { type CataloguedDraft, draftOf, type EventData } from '../../../messaging';
import type { Employee, EmployeeStatus } from './entities';

/** Each changed field with its old and new value, personal ones masked. */
export type Changes = EventData<'employees.employee.updated'>['changes'];

/** An event to record once the change is flushed and the new version is known. */
export type PendingEvent = (employee: Employee) => CataloguedDraft;

/** What every event of an employee starts with. */
const versionOf = (employee: Employee) => ({
  employeeId: employee.id,
  employeeNumber: employee.employeeNumber,
  version: employee.version,
});

/** The core record for `employees.employee.created`; never phone or salary. */
export const createdData = (employee: Employee): EventData<'employees.employee.created'> => ({
  ...versionOf(employee),
  firstName: employee.firstName,
  lastName: employee.lastName,
  email: employee.email,
  department: employee.department,
  jobTitle: employee.jobTitle,
  grade: employee.grade,
  employmentType: employee.employmentType,
  status: employee.status,
  hireDate: employee.hireDate,
  managerId: employee.managerId ?? null,
  location: employee.location,
  timeZone: employee.timeZone,
});

export const employeeCreated = (employee: Employee) =>
  draftOf('employees.employee.created', employee.id, createdData(employee));

export const employeeUpdated = (employee: Employee, changes: Changes) =>
  draftOf('employees.employee.updated', employee.id, { ...versionOf(employee), changes });

export const statusChanged = (employee: Employee, from: EmployeeStatus) =>
  draftOf('employees.employee.status_changed', employee.id, {
    ...versionOf(employee),
    from,
    to: employee.status,
  });

export const managerAssigned = (employee: Employee, previousManagerId: string | null) =>
  draftOf('employees.manager.assigned', employee.id, {
    ...versionOf(employee),
    managerId: employee.managerId ?? null,
    previousManagerId,
  });

export const employeeTerminated = (employee: Employee, terminationDate: string) =>
  draftOf('employees.employee.terminated', employee.id, {
    ...versionOf(employee),
    terminationDate,
  });
