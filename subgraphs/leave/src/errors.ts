import {
  defineDomainErrors,
  policyLabel,
  policyRef,
  type PolicyVersion,
  type ReasonDetails,
} from '../../../runtime';
import { leaveTypeName } from './leaveTypeName';

/** Why leave refuses, beyond the shared reasons, under the code each is answered with. */
export const leaveErrors = defineDomainErrors('LeaveError', {
  BAD_USER_INPUT: ['UNKNOWN_EMPLOYEE'],
  NOT_FOUND: ['LEAVE_REQUEST_NOT_FOUND'],
  CONFLICT: ['INVALID_TRANSITION'],
  // The request rules (docs/domain.md#leave), each a POLICY_VIOLATION whose `rule` is its name.
  POLICY_VIOLATION: [
    'EMPLOYEE_NOT_ACTIVE',
    'OUTSIDE_EMPLOYMENT',
    'HALF_DAY_NOT_ALLOWED',
    'NO_WORKING_DAYS',
    'NOTICE_PERIOD',
    'MAX_CONSECUTIVE_DAYS',
    'OVERLAPPING_LEAVE',
    'INSUFFICIENT_BALANCE',
    'LEAVE_ALREADY_STARTED',
  ],
});

export const LeaveReason = leaveErrors.reasons;
export type LeaveReason = keyof typeof LeaveReason;

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
    `${leaveTypeName(policy.key)} is not offered (${policyLabel(policy)})`,
    {
      field: 'leaveType',
      extensions: { policy: policyRef(policy) },
    },
  );

export const unknownEmployee = (id: string) =>
  leaveErrors.unknownEmployee(LeaveReason.UNKNOWN_EMPLOYEE, id);

export const requestNotFound = (id: string) =>
  leaveErrors.notFound(LeaveReason.LEAVE_REQUEST_NOT_FOUND, 'Leave request', id);

export const badTransition = (status: string, to: string) =>
  leaveErrors.error(
    LeaveReason.INVALID_TRANSITION,
    `A ${status} leave request cannot become ${to}.`,
    {
      extensions: { status, to },
    },
  );
