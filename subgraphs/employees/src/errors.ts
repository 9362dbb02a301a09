import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the employees domain refused a request. */
export enum EmployeeErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_MANAGER = 'UNKNOWN_MANAGER',
  MANAGER_TERMINATED = 'MANAGER_TERMINATED',
  MANAGER_CYCLE = 'MANAGER_CYCLE',
  DUPLICATE_EMAIL = 'DUPLICATE_EMAIL',
  DUPLICATE_EMPLOYEE_NUMBER = 'DUPLICATE_EMPLOYEE_NUMBER',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  EMPLOYEE_STATUS_LIFECYCLE = 'EMPLOYEE_STATUS_LIFECYCLE',
  EMPLOYEE_TERMINATED = 'EMPLOYEE_TERMINATED',
  EMPLOYEE_NOT_FOUND = 'EMPLOYEE_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<EmployeeErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_MANAGER: ErrorCode.BAD_USER_INPUT,
  MANAGER_TERMINATED: ErrorCode.BAD_USER_INPUT,
  MANAGER_CYCLE: ErrorCode.BAD_USER_INPUT,
  DUPLICATE_EMAIL: ErrorCode.CONFLICT,
  DUPLICATE_EMPLOYEE_NUMBER: ErrorCode.CONFLICT,
  VERSION_CONFLICT: ErrorCode.CONFLICT,
  EMPLOYEE_STATUS_LIFECYCLE: ErrorCode.POLICY_VIOLATION,
  EMPLOYEE_TERMINATED: ErrorCode.POLICY_VIOLATION,
  EMPLOYEE_NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
};

export class EmployeeError extends DomainError {
  override name = 'EmployeeError';

  constructor(
    readonly employeeCode: EmployeeErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const code = CODE_OF[employeeCode];
    const rule = code === ErrorCode.POLICY_VIOLATION ? employeeCode : undefined;
    super(code, message, employeeCode, { ...details, rule });
  }
}

export const invalid = (field: string, message: string, reason = EmployeeErrorCode.INVALID_INPUT) =>
  new EmployeeError(reason, message, { field });

export const forbiddenTo = (message: string) =>
  new EmployeeError(EmployeeErrorCode.FORBIDDEN, message);

export const employeeNotFound = (id: string) =>
  new EmployeeError(EmployeeErrorCode.EMPLOYEE_NOT_FOUND, `Employee ${id} was not found.`, {
    extensions: { id },
  });

export const staleVersion = (expected: number, actual: number) =>
  new EmployeeError(
    EmployeeErrorCode.VERSION_CONFLICT,
    `The employee changed since version ${expected}; it is now at version ${actual}.`,
    { field: 'expectedVersion', extensions: { expectedVersion: expected, actualVersion: actual } },
  );

export const lifecycle = (message: string) =>
  new EmployeeError(EmployeeErrorCode.EMPLOYEE_STATUS_LIFECYCLE, message);

export const terminatedIsFinal = () =>
  new EmployeeError(
    EmployeeErrorCode.EMPLOYEE_TERMINATED,
    'A terminated employee is kept as history and cannot be changed.',
  );

export const unknownManager = (managerId: string) =>
  invalid('managerId', `There is no employee ${managerId}.`, EmployeeErrorCode.UNKNOWN_MANAGER);

export const managerTerminated = (managerId: string) =>
  invalid(
    'managerId',
    `Employee ${managerId} is terminated and cannot manage anyone.`,
    EmployeeErrorCode.MANAGER_TERMINATED,
  );

export const managerCycle = (managerId: string) =>
  invalid(
    'managerId',
    `Employee ${managerId} cannot be the manager: it would make a reporting cycle.`,
    EmployeeErrorCode.MANAGER_CYCLE,
  );

export const duplicateEmail = () =>
  new EmployeeError(EmployeeErrorCode.DUPLICATE_EMAIL, 'Another employee has this email.', {
    field: 'email',
  });

export const duplicateNumber = (employeeNumber?: string) =>
  new EmployeeError(
    EmployeeErrorCode.DUPLICATE_EMPLOYEE_NUMBER,
    employeeNumber
      ? `Employee number ${employeeNumber} is taken.`
      : 'That employee number is taken.',
    { field: 'employeeNumber' },
  );

export const isDuplicate = (error: unknown): boolean =>
  error instanceof EmployeeError &&
  [EmployeeErrorCode.DUPLICATE_EMAIL, EmployeeErrorCode.DUPLICATE_EMPLOYEE_NUMBER].includes(
    error.employeeCode,
  );

export const concurrentChange = (cause: unknown) =>
  new EmployeeError(
    EmployeeErrorCode.VERSION_CONFLICT,
    'The employee was changed by someone else meanwhile; read it again.',
    { field: 'expectedVersion', cause },
  );
