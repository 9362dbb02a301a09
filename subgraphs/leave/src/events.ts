import type { EventDraft } from '../../../messaging/src/types';
import type { LeaveRequest } from './entities';
import type { LeaveRules } from './policies';

/** What the events take from the policy version the request was judged by. */
type Paid = Pick<LeaveRules, 'paid'>;

export const REQUEST_CREATED = 'leave.request.created';
export const REQUEST_APPROVED = 'leave.request.approved';
export const REQUEST_REJECTED = 'leave.request.rejected';
export const REQUEST_CANCELLED = 'leave.request.cancelled';

/** An actor's employee id, or null for a service principal (its subject is not an id). */
const employeeIdOf = (subject: string | null) =>
  subject && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subject)
    ? subject
    : null;

/**
 * What every leave event carries: the request as attendance (the days ON_LEAVE),
 * notifications (who to tell) and audit need it; never the employee's free-text reason.
 */
const requestData = (request: LeaveRequest, policy: Paid) => ({
  requestId: request.id,
  employeeId: request.employeeId,
  version: request.version,
  leaveType: request.leaveType,
  paid: policy.paid,
  status: request.status,
  startDate: request.startDate,
  endDate: request.endDate,
  halfDayStart: request.halfDayStart,
  halfDayEnd: request.halfDayEnd,
  days: request.halfDays / 2,
  dates: request.chargedDays.map((day) => ({ date: day.date, days: day.halves / 2 })),
  managerId: request.managerId,
});

export const created = (request: LeaveRequest, policy: Paid): EventDraft => ({
  type: REQUEST_CREATED,
  subject: request.id,
  data: { ...requestData(request, policy), requestedBy: employeeIdOf(request.requestedBy) },
});

export const approved = (request: LeaveRequest, policy: Paid): EventDraft => ({
  type: REQUEST_APPROVED,
  subject: request.id,
  data: {
    ...requestData(request, policy),
    approvedBy: employeeIdOf(request.decidedBy),
    approvedAt: request.decidedAt!.toISOString(),
  },
});

export const rejected = (request: LeaveRequest, policy: Paid): EventDraft => ({
  type: REQUEST_REJECTED,
  subject: request.id,
  data: {
    ...requestData(request, policy),
    rejectedBy: employeeIdOf(request.decidedBy),
    rejectedAt: request.decidedAt!.toISOString(),
    rejectionReason: request.rejectionReason,
  },
});

export const cancelled = (
  request: LeaveRequest,
  policy: Paid,
  previousStatus: string,
): EventDraft => ({
  type: REQUEST_CANCELLED,
  subject: request.id,
  data: {
    ...requestData(request, policy),
    previousStatus,
    cancelledBy: employeeIdOf(request.cancelledBy),
    cancelledAt: request.cancelledAt!.toISOString(),
  },
});
