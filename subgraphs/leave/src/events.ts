import { draftOf, type EventData } from '../../../messaging';
import type { LeaveRules } from '../../../runtime';
import type { ChargedDay, LeaveRequest, LeaveStatus } from './entities';

/** What the events take from the policy version the request was judged by. */
type Paid = Pick<LeaveRules, 'paid'>;

export const REQUEST_CREATED = 'leave.request.created';
export const REQUEST_APPROVED = 'leave.request.approved';
export const REQUEST_REJECTED = 'leave.request.rejected';
export const REQUEST_CANCELLED = 'leave.request.cancelled';

/** The days a request charges, as its events list them: never none. */
type EventDates = EventData<typeof REQUEST_CREATED>['dates'];

/** An actor's employee id, or null for a service principal (its subject is not an id). */
const employeeIdOf = (subject: string | null | undefined) =>
  subject && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subject)
    ? subject
    : null;

/** Each charged day in days: a half day is 0.5, a whole one 1. */
function datesOf(days: readonly ChargedDay[]): EventDates {
  const [first, ...rest] = days.map((day) => ({
    date: day.date,
    days: day.halves === 1 ? (0.5 as const) : (1 as const),
  }));
  // A request that charges no day is refused (NO_WORKING_DAYS) before it is made.
  if (!first) throw new Error('A leave request charges at least one day.');
  return [first, ...rest];
}

/**
 * What every leave event carries: the request as attendance (the days ON_LEAVE),
 * notifications (who to tell) and audit need it; never the employee's free-text reason.
 * `status` is the one each event stands for.
 */
const requestData = <S extends LeaveStatus>(request: LeaveRequest, policy: Paid, status: S) => ({
  requestId: request.id,
  employeeId: request.employeeId,
  version: request.version,
  leaveType: request.leaveType,
  paid: policy.paid,
  status,
  startDate: request.startDate,
  endDate: request.endDate,
  halfDayStart: request.halfDayStart,
  halfDayEnd: request.halfDayEnd,
  days: request.halfDays / 2,
  dates: datesOf(request.chargedDays),
  managerId: request.managerId ?? null,
});

export const created = (request: LeaveRequest, policy: Paid) =>
  draftOf(REQUEST_CREATED, request.id, {
    ...requestData(request, policy, 'PENDING'),
    requestedBy: employeeIdOf(request.requestedBy),
  });

export const approved = (request: LeaveRequest, policy: Paid) =>
  draftOf(REQUEST_APPROVED, request.id, {
    ...requestData(request, policy, 'APPROVED'),
    approvedBy: employeeIdOf(request.decidedBy),
    approvedAt: request.decidedAt!.toISOString(),
  });

export const rejected = (request: LeaveRequest, policy: Paid) =>
  draftOf(REQUEST_REJECTED, request.id, {
    ...requestData(request, policy, 'REJECTED'),
    rejectedBy: employeeIdOf(request.decidedBy),
    rejectedAt: request.decidedAt!.toISOString(),
    rejectionReason: request.rejectionReason ?? null,
  });

export const cancelled = (
  request: LeaveRequest,
  policy: Paid,
  previousStatus: EventData<typeof REQUEST_CANCELLED>['previousStatus'],
) =>
  draftOf(REQUEST_CANCELLED, request.id, {
    ...requestData(request, policy, 'CANCELLED'),
    previousStatus,
    cancelledBy: employeeIdOf(request.cancelledBy),
    cancelledAt: request.cancelledAt!.toISOString(),
  });
