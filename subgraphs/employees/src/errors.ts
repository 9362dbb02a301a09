import { defineDomainErrors } from '../../../runtime';

/** Why employees refuses, beyond the shared reasons, under the code each is answered with. */
export const employeeErrors = defineDomainErrors('EmployeeError', {
  BAD_USER_INPUT: ['UNKNOWN_MANAGER', 'MANAGER_TERMINATED', 'MANAGER_CYCLE'],
  CONFLICT: ['DUPLICATE_EMAIL', 'DUPLICATE_EMPLOYEE_NUMBER'],
  POLICY_VIOLATION: ['EMPLOYEE_STATUS_LIFECYCLE', 'EMPLOYEE_TERMINATED'],
  NOT_FOUND: ['EMPLOYEE_NOT_FOUND'],
});

export const EmployeeReason = employeeErrors.reasons;
export type EmployeeReason = keyof typeof EmployeeReason;

export const EmployeeError = employeeErrors.Error;

export const { invalid, forbidden: forbiddenTo } = employeeErrors;

export const employeeNotFound = (id: string) =>
  employeeErrors.notFound(EmployeeReason.EMPLOYEE_NOT_FOUND, 'Employee', id);

export const lifecycle = (message: string) =>
  employeeErrors.error(EmployeeReason.EMPLOYEE_STATUS_LIFECYCLE, message);

export const terminatedIsFinal = () =>
  employeeErrors.error(
    EmployeeReason.EMPLOYEE_TERMINATED,
    'A terminated employee is kept as history and cannot be changed.',
  );

export const unknownManager = (managerId: string) =>
  employeeErrors.unknownEmployee(EmployeeReason.UNKNOWN_MANAGER, managerId, 'managerId');

export const managerTerminated = (managerId: string) =>
  invalid(
    'managerId',
    `Employee ${managerId} is terminated and cannot manage anyone.`,
    EmployeeReason.MANAGER_TERMINATED,
  );

export const managerCycle = (managerId: string) =>
  invalid(
    'managerId',
    `Employee ${managerId} cannot be the manager: it would make a reporting cycle.`,
    EmployeeReason.MANAGER_CYCLE,
  );

export const duplicateEmail = () =>
  employeeErrors.error(EmployeeReason.DUPLICATE_EMAIL, 'Another employee has this email.', {
    field: 'email',
  });

export const duplicateNumber = (employeeNumber?: string) =>
  employeeErrors.error(
    EmployeeReason.DUPLICATE_EMPLOYEE_NUMBER,
    employeeNumber
      ? `Employee number ${employeeNumber} is taken.`
      : 'That employee number is taken.',
    { field: 'employeeNumber' },
  );

export const isDuplicate = (error: unknown): boolean =>
  employeeErrors.is(
    error,
    EmployeeReason.DUPLICATE_EMAIL,
    EmployeeReason.DUPLICATE_EMPLOYEE_NUMBER,
  );
