import {
  defineDomainErrors,
  ErrorCode,
  policyLabel,
  policyRef,
  type PolicyVersion,
  type ReasonDetails,
} from '../../../runtime';

/** Why the leave domain refused a request, beyond the reasons every domain shares. */
export enum LeaveReason {
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  LEAVE_REQUEST_NOT_FOUND = 'LEAVE_REQUEST_NOT_FOUND',
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

export const leaveErrors = defineDomainErrors<LeaveReason>('LeaveError', {
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  LEAVE_REQUEST_NOT_FOUND: ErrorCode.NOT_FOUND,
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
});

/** One of leave's errors, as `leaveErrors` makes them. */
export type LeaveError = InstanceType<typeof leaveErrors.Error>;

export const { invalid, forbidden } = leaveErrors;

/**
 * A request rule that refused: POLICY_VIOLATION with `rule` = the rule's name. Every one
 * names the policy version it was judged by, in `extensions.policy` and at the end of the
 * message (`(LEAVE/ANNUAL v3)`), so the person refused can find the rule that did it.
 */
export const violation = (
  rule: LeaveReason,
  policy: PolicyVersion,
  message: string,
  details: ReasonDetails = {},
): LeaveError =>
  new leaveErrors.Error(rule, `${message} (${policyLabel(policy)})`, {
    field: details.field,
    extensions: { ...details.extensions, policy: policyRef(policy) },
  });

/** The type is switched off by the policy in force: bad input, naming the policy too. */
export const notOffered = (policy: PolicyVersion) =>
  leaveErrors.error(
    'INVALID_INPUT',
    `${policy.key} leave is not offered (${policyLabel(policy)})`,
    {
      field: 'leaveType',
      extensions: { policy: policyRef(policy) },
    },
  );

export const unknownEmployee = (id: string) =>
  leaveErrors.error(LeaveReason.UNKNOWN_EMPLOYEE, `There is no employee ${id}.`, {
    field: 'employeeId',
  });

export const requestNotFound = (id: string) =>
  leaveErrors.error(LeaveReason.LEAVE_REQUEST_NOT_FOUND, `Leave request ${id} was not found.`, {
    extensions: { id },
  });

export const badTransition = (status: string, to: string) =>
  leaveErrors.error(
    LeaveReason.INVALID_TRANSITION,
    `A ${status} leave request cannot become ${to}.`,
    {
      extensions: { status, to },
    },
  );
