import { DomainError, ErrorCode } from '../../../runtime/src/errors';
import { policyLabel, policyRef, type PolicyVersion } from '../../../runtime/src/policies';

/** Why the leave domain refused a request. */
export enum LeaveErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  FORBIDDEN = 'FORBIDDEN',
  LEAVE_REQUEST_NOT_FOUND = 'LEAVE_REQUEST_NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  // The request rules (docs/domain.md#leave), each a POLICY_VIOLATION whose `rule` is its name.
  EMPLOYEE_NOT_ACTIVE = 'EMPLOYEE_NOT_ACTIVE',
  OUTSIDE_EMPLOYMENT = 'OUTSIDE_EMPLOYMENT',
  HALF_DAY_NOT_ALLOWED = 'HALF_DAY_NOT_ALLOWED',
  NO_WORKING_DAYS = 'NO_WORKING_DAYS',
  NOTICE_PERIOD = 'NOTICE_PERIOD',
  MAX_CONSECUTIVE_DAYS = 'MAX_CONSECUTIVE_DAYS',
  OVERLAPPING_LEAVE = 'OVERLAPPING_LEAVE',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  LEAVE_ALREADY_STARTED = 'LEAVE_ALREADY_STARTED',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<LeaveErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  LEAVE_REQUEST_NOT_FOUND: ErrorCode.NOT_FOUND,
  VERSION_CONFLICT: ErrorCode.CONFLICT,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  EMPLOYEE_NOT_ACTIVE: ErrorCode.POLICY_VIOLATION,
  OUTSIDE_EMPLOYMENT: ErrorCode.POLICY_VIOLATION,
  HALF_DAY_NOT_ALLOWED: ErrorCode.POLICY_VIOLATION,
  NO_WORKING_DAYS: ErrorCode.POLICY_VIOLATION,
  NOTICE_PERIOD: ErrorCode.POLICY_VIOLATION,
  MAX_CONSECUTIVE_DAYS: ErrorCode.POLICY_VIOLATION,
  OVERLAPPING_LEAVE: ErrorCode.POLICY_VIOLATION,
  INSUFFICIENT_BALANCE: ErrorCode.POLICY_VIOLATION,
  LEAVE_ALREADY_STARTED: ErrorCode.POLICY_VIOLATION,
};

export class LeaveError extends DomainError {
  override name = 'LeaveError';

  constructor(
    readonly leaveCode: LeaveErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const code = CODE_OF[leaveCode];
    const rule = code === ErrorCode.POLICY_VIOLATION ? leaveCode : undefined;
    super(code, message, leaveCode, { ...details, rule });
  }
}

export const invalid = (field: string, message: string) =>
  new LeaveError(LeaveErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) => new LeaveError(LeaveErrorCode.FORBIDDEN, message);

/**
 * A request rule that refused: POLICY_VIOLATION with `rule` = the rule's name. Every one
 * names the policy version it was judged by, in `extensions.policy` and at the end of the
 * message (`(LEAVE/ANNUAL v3)`), so the person refused can find the rule that did it.
 */
export const violation = (
  rule: LeaveErrorCode,
  policy: PolicyVersion,
  message: string,
  details: { field?: string; extensions?: Record<string, unknown> } = {},
) =>
  new LeaveError(rule, `${message} (${policyLabel(policy)})`, {
    field: details.field,
    extensions: { ...details.extensions, policy: policyRef(policy) },
  });

/** The type is switched off by the policy in force: bad input, naming the policy too. */
export const notOffered = (policy: PolicyVersion) =>
  new LeaveError(
    LeaveErrorCode.INVALID_INPUT,
    `${policy.key} leave is not offered (${policyLabel(policy)})`,
    { field: 'leaveType', extensions: { policy: policyRef(policy) } },
  );

export const unknownEmployee = (id: string) =>
  new LeaveError(LeaveErrorCode.UNKNOWN_EMPLOYEE, `There is no employee ${id}.`, {
    field: 'employeeId',
  });

export const requestNotFound = (id: string) =>
  new LeaveError(LeaveErrorCode.LEAVE_REQUEST_NOT_FOUND, `Leave request ${id} was not found.`, {
    extensions: { id },
  });

export const staleVersion = (expected: number, actual: number) =>
  new LeaveError(
    LeaveErrorCode.VERSION_CONFLICT,
    `The leave request changed since version ${expected}; it is now at version ${actual}.`,
    { field: 'expectedVersion', extensions: { expectedVersion: expected, actualVersion: actual } },
  );

export const concurrentChange = (cause: unknown) =>
  new LeaveError(
    LeaveErrorCode.VERSION_CONFLICT,
    'The leave request was changed by someone else meanwhile; read it again.',
    { field: 'expectedVersion', cause },
  );

export const badTransition = (status: string, to: string) =>
  new LeaveError(
    LeaveErrorCode.INVALID_TRANSITION,
    `A ${status} leave request cannot become ${to}.`,
    { extensions: { status, to } },
  );
