/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/**
 * How worked compares with the share of the target expected by the day asked about.
 * The gap is (worked - expectedToDate) / expectedToDate in per cent; a band includes its
 * upper bound (a gap of exactly 5 % is ON_TRACK, exactly 15 % is in the 5-15 band).
 */
export type AccrualStatus =
  /** More than 5 % and at most 15 % above the expected share. */
  | 'AHEAD_5_15'
  /** More than 15 % and at most 25 % above the expected share. */
  | 'AHEAD_15_25'
  /** More than 25 % above the expected share. */
  | 'AHEAD_25_PLUS'
  /** More than 5 % and at most 15 % below the expected share. */
  | 'BEHIND_5_15'
  /** More than 15 % and at most 25 % below the expected share. */
  | 'BEHIND_15_25'
  /** More than 25 % below the expected share. */
  | 'BEHIND_25_PLUS'
  /** Within 5 % of the expected share either way (also when nothing is expected yet). */
  | 'ON_TRACK';

/**
 * What an agreement sets a target for and accruals measure. The first four are in hours,
 * the ON_CALL types are counted.
 */
export type AccrualType =
  /** All worked hours of shifts, overtime and training, less meal breaks. */
  | 'ANNUAL_TARGET_HOURS'
  /** Hours worked inside 23:00-06:00 local time. */
  | 'NIGHT_HOURS'
  /** On-call periods starting on a public holiday (counted). */
  | 'ON_CALL_PUBLIC_HOLIDAY'
  /** On-call periods starting on a weekday (counted). */
  | 'ON_CALL_WEEKDAY'
  /** On-call periods starting on a weekend day (counted). */
  | 'ON_CALL_WEEKEND'
  /** Hours worked on public holidays of the employee's location. */
  | 'PUBLIC_HOLIDAY_HOURS'
  /** Hours worked on local Saturdays and Sundays. */
  | 'WEEKEND_HOURS';

/** Changes an entry. A field that is absent stays as it is. */
export type AmendTimeEntryInput = {
  /** HR's exception to working-time rules the changed entry breaks (HR and ADMIN only). */
  complianceException?: ComplianceExceptionInput | null | undefined;
  /** New end (closes an open entry); null opens the entry again. */
  endTime?: string | null | undefined;
  /** The version the change is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The entry to change. */
  id: string | number;
  /** New meal break in minutes. */
  mealBreakMinutes?: number | null | undefined;
  /** New period type. */
  periodType?: PeriodType | null | undefined;
  /** New shift type; null clears it. */
  shiftType?: string | null | undefined;
  /** New start. */
  startTime?: string | null | undefined;
};

/** Approves a pending request: the employee's manager or HR, never the employee. */
export type ApproveLeaveInput = {
  /** The version the decision is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The request. */
  id: string | number;
};

/** A day of attendance as a manual entry would record it. */
export type AttendanceDayCheckInput = {
  /** When the employee arrived, with an offset. */
  checkInTime: string;
  /** When they left, after `checkInTime`. */
  checkOutTime?: string | null | undefined;
  /** The employee. */
  employeeId: string | number;
};

/** Cancels a pending request, or an approved one that has not started: the employee or HR. */
export type CancelLeaveInput = {
  /** The version the cancellation is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The request. */
  id: string | number;
};

/** A check-in. */
export type CheckInInput = {
  /** The device (free text), 1 to 200 characters. */
  device: string;
  /** Who checks in; by default the caller. HR, ADMIN and SYSTEM (kiosks) may name anyone. */
  employeeId?: string | number | null | undefined;
  /** The same key again returns the first check-in and records nothing new (private to the caller). */
  idempotencyKey?: string | null | undefined;
  /** Where (free text, e.g. a site), 1 to 200 characters. */
  location: string;
  /** When, with an offset; by default now. Not in the future. */
  time?: string | null | undefined;
};

/** A check-out of the open check-in. */
export type CheckOutInput = {
  /** The device (free text), at most 200 characters. */
  device?: string | null | undefined;
  /** Who checks out; by default the caller. */
  employeeId?: string | number | null | undefined;
  /** Where (free text), at most 200 characters. */
  location?: string | null | undefined;
  /** When, with an offset, after the check-in; by default now. Not in the future. */
  time?: string | null | undefined;
};

/** What to check: exactly one of the three. */
export type ComplianceCheckInput = {
  /** An attendance day before it is recorded. */
  attendanceDay?: AttendanceDayCheckInput | null | undefined;
  /** A leave request before it is sent. */
  leaveRequest?: LeaveRequestCheckInput | null | undefined;
  /** A time entry before it is recorded. */
  timeEntry?: TimeEntryCheckInput | null | undefined;
};

/**
 * HR's leave to break named working-time rules for one record or amend. Only HR and ADMIN may
 * give one; the entry's event carries it, so the audit log shows it with its reason.
 */
export type ComplianceExceptionInput = {
  /** Why, for the audit log; not blank. */
  reason: string;
  /** The rules this write may break, at least one. */
  rules: Array<WorkingTimeRule>;
};

/** Deletes an entry; a `time.entry.deleted` event keeps its last values. */
export type DeleteTimeEntryInput = {
  /** The version the deletion is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The entry to delete. */
  id: string | number;
};

/**
 * Where an employee is in their lifecycle. ACTIVE, ON_LEAVE and INACTIVE change into one
 * another with `changeEmployeeStatus`; any of them becomes TERMINATED only through
 * `terminateEmployee`; TERMINATED is final.
 */
export type EmployeeStatus =
  /** Working normally. */
  | 'ACTIVE'
  /** Employed but not working for a while (e.g. a secondment or suspension). */
  | 'INACTIVE'
  /** On an extended leave of absence (e.g. parental leave). */
  | 'ON_LEAVE'
  /** Has left. Kept as history; hidden from the directory unless asked for. */
  | 'TERMINATED';

/** The kind of contract an employee is on. */
export type EmploymentType =
  /** Engaged on a contract for services. */
  | 'CONTRACTOR'
  /** Works the full contracted week. */
  | 'FULL_TIME'
  /** Works part of the week (FTE below 1). */
  | 'PART_TIME';

/** How much a finding weighs. */
export type FindingSeverity =
  /** The operation would be refused. */
  | 'REFUSAL'
  /** The operation would go through, and this would be noted (e.g. a late arrival). */
  | 'WARNING';

/** A leave request as `requestLeave` would take it. */
export type LeaveRequestCheckInput = {
  /** The employee; absent means the caller. */
  employeeId?: string | number | null | undefined;
  /** Last day of leave (inclusive). */
  endDate: string;
  /** The last day is a half day. */
  halfDayEnd?: boolean | null | undefined;
  /** The first day is a half day. */
  halfDayStart?: boolean | null | undefined;
  /** The kind of leave: ANNUAL, SICK, CASUAL, COMPASSIONATE, PARENTAL, UNPAID or TOIL. */
  leaveType: string;
  /** First day of leave. */
  startDate: string;
};

/** Where a leave request stands in the workflow. */
export type LeaveStatus =
  /** Approved by the manager or HR. */
  | 'APPROVED'
  /** Withdrawn by the employee or HR. */
  | 'CANCELLED'
  /** Asked for; waits for the manager (or HR). */
  | 'PENDING'
  /** Refused by the manager or HR. */
  | 'REJECTED';

/** Kinds of leave. What each allows (paid, balance, notice, half days...) is in `leavePolicies`. */
export type LeaveType =
  /** Paid holiday, from the agreement's entitlement. */
  | 'ANNUAL'
  /** Short notice personal leave, from a small yearly allowance. */
  | 'CASUAL'
  /** Leave after a bereavement or a family emergency. */
  | 'COMPASSIONATE'
  /** Maternity, paternity, adoption or shared parental leave. */
  | 'PARENTAL'
  /** Absence through illness. */
  | 'SICK'
  /** Time off in lieu of extra hours worked. */
  | 'TOIL'
  /** Leave without pay. */
  | 'UNPAID';

/** Which notification to mark read. */
export type MarkNotificationReadInput = {
  /** The notification's id; it must be the caller's own. */
  id: string | number;
};

/** How an accrual type is measured. */
export type MeasurementUnit =
  /** A whole count of periods. */
  | 'COUNT'
  /** Hours (minutes / 60). */
  | 'HOURS';

/** Money as an input. */
export type MoneyInput = {
  /** Integer minor units, 0 or more. */
  amountMinor: number;
  /** ISO 4217 currency code, e.g. `GBP`. */
  currency: string;
};

/** How a notification reaches its recipient. */
export type NotificationChannel =
  /** In the application only (live through the gateway's subscription, and in `myNotifications`). */
  | 'IN_APP'
  /** In the application, and also by e-mail to the recipient's address. */
  | 'IN_APP_AND_EMAIL';

/** Whether a notification was read. */
export type NotificationStatus =
  /** Marked read by its recipient. */
  | 'READ'
  /** Not read yet. */
  | 'UNREAD';

/** What a notification is about; each comes from one template (or an HR or SYSTEM message). */
export type NotificationType =
  /** An employee was absent without leave (to HR). */
  | 'ABSENCE'
  /** A balance moved 15 % or more behind or ahead of its expected share (to the employee and their manager). */
  | 'BALANCE_OFF_TRACK'
  /** Compliance found a breach of a policy (to HR and the employee's manager). */
  | 'COMPLIANCE_VIOLATION'
  /** A ledger day was closed (to finance). */
  | 'DAY_CLOSED'
  /** A consumer gave up on an event, now a dead letter to replay or discard (to administrators). */
  | 'DEAD_LETTER'
  /** A new employee reports to the recipient (to the manager). */
  | 'EMPLOYEE_CREATED'
  /** A day was left without a check-out (to the employee). */
  | 'INCOMPLETE_CHECK_OUT'
  /** A report checked in late (to the manager). */
  | 'LATE_ARRIVAL'
  /** A leave request was approved (to the employee, and to HR). */
  | 'LEAVE_APPROVED'
  /** A leave request was cancelled (to the employee). */
  | 'LEAVE_CANCELLED'
  /** A leave request was rejected (to the employee). */
  | 'LEAVE_REJECTED'
  /** A report asked for leave (to the manager). */
  | 'LEAVE_REQUESTED'
  /** A message sent by HR or SYSTEM. */
  | 'MESSAGE'
  /** A training course was assigned (to the employee). */
  | 'TRAINING_ASSIGNED'
  /** Training falls due or a completion expires soon, or has (to the employee). */
  | 'TRAINING_DUE'
  /** A report's training is overdue (to the manager). */
  | 'TRAINING_OVERDUE';

/** What a period of time was spent on. */
export type PeriodType =
  /** Absent from a shift. */
  | 'ABSENCE'
  /** A day the person does not work under their pattern. */
  | 'NON_WORKING_DAY'
  /** Available to be called in. */
  | 'ON_CALL'
  /** Hours worked beyond the contracted ones. */
  | 'OVERTIME'
  /** A rest day the roster planned. */
  | 'SCHEDULED_REST_DAY'
  /** A rostered or worked shift. */
  | 'SHIFT'
  /** Time spent in training. */
  | 'TRAINING';

/** The kinds of policy compliance owns; leave, attendance, time and audit decide with them. */
export type PolicyKind =
  /** Shift rules: grace, half day, overtime tolerance, the late pattern. Key `DEFAULT`. */
  | 'ATTENDANCE'
  /** How each leave type behaves: entitlement, notice, carry-over, longest run. Keyed by leave type. */
  | 'LEAVE'
  /** How long data is kept. Key `DEFAULT`. */
  | 'RETENTION'
  /** Working-time regulations: longest entry, daily overtime cap, breaks. Key `DEFAULT`. */
  | 'WORKING_TIME';

/** Records a period of time. */
export type RecordTimeEntryInput = {
  /** HR's exception to working-time rules the entry breaks (HR and ADMIN only). */
  complianceException?: ComplianceExceptionInput | null | undefined;
  /** The employee whose time this is; an EMPLOYEE or MANAGER records only their own. */
  employeeId: string | number;
  /** When it ended, with an offset, after `startTime`; absent or null leaves the entry open. */
  endTime?: string | null | undefined;
  /** The same key again returns the first entry and records nothing new (private to the caller). */
  idempotencyKey?: string | null | undefined;
  /** Unpaid meal break in minutes, 0 or more and less than the period (default 0). */
  mealBreakMinutes?: number | null | undefined;
  /** What the time was spent on. */
  periodType: PeriodType;
  /** Free text naming the kind of shift, at most 50 characters. */
  shiftType?: string | null | undefined;
  /** When the period started, with an offset. */
  startTime: string;
};

/** Rejects a pending request: the employee's manager or HR, never the employee. */
export type RejectLeaveInput = {
  /** The version the decision is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The request. */
  id: string | number;
  /** Why, at most 500 characters; the employee is told. */
  reason?: string | null | undefined;
};

/**
 * Asks for leave, judged by the type's LEAVE policy version in force now. Refused with
 * POLICY_VIOLATION (`extensions.rule` names the rule, `extensions.policy` the policy and its
 * version, also named at the end of the message) when the employee is not active, a half day is
 * not allowed, no day counts, the notice is too short, the run is too long, it overlaps their
 * pending or approved leave, or the balance is short.
 */
export type RequestLeaveInput = {
  /** The employee; absent means the caller. Only HR and ADMIN ask for someone else. */
  employeeId?: string | number | null | undefined;
  /** Last day of leave (inclusive), not before `startDate`, at most a year after it. */
  endDate: string;
  /** The last day is a half day (default false); on a one-day request use `halfDayStart`. */
  halfDayEnd?: boolean | null | undefined;
  /** The first day is a half day (default false). */
  halfDayStart?: boolean | null | undefined;
  /** The same key again returns the first request and creates nothing new (private to the caller). */
  idempotencyKey?: string | null | undefined;
  /** The kind of leave. */
  leaveType: LeaveType;
  /** Why, at most 500 characters. */
  reason?: string | null | undefined;
  /** First day of leave. */
  startDate: string;
};

/** A time entry as `recordTimeEntry` would take it, or an amend of one. */
export type TimeEntryCheckInput = {
  /** The employee whose time this is. */
  employeeId: string | number;
  /** When it ends, with an offset. */
  endTime?: string | null | undefined;
  /** The entry an amend would change; absent for a new entry. */
  entryId?: string | number | null | undefined;
  /** Unpaid meal break in minutes. */
  mealBreakMinutes?: number | null | undefined;
  /** SHIFT, OVERTIME, ON_CALL, TRAINING, ABSENCE, SCHEDULED_REST_DAY or NON_WORKING_DAY. */
  periodType: string;
  /** When the period starts, with an offset. */
  startTime: string;
};

/**
 * Changes to an employee. A field left out stays as it is; `null` clears phone or salary and
 * is refused for the other fields. HR and ADMIN may change every field. Anyone else may
 * change only `phone`, and only on their own record (self-service); naming any other field is
 * FORBIDDEN and changes nothing. Status, manager and termination have their own mutations.
 */
export type UpdateEmployeeInput = {
  /** Department. */
  department?: string | null | undefined;
  /** Work email, unique regardless of letter case. */
  email?: string | null | undefined;
  /** Human employee number, unique. */
  employeeNumber?: string | null | undefined;
  /** The kind of contract. */
  employmentType?: EmploymentType | null | undefined;
  /** The version the change is based on; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Given name. */
  firstName?: string | null | undefined;
  /** Pay grade. */
  grade?: string | null | undefined;
  /** First working day. */
  hireDate?: string | null | undefined;
  /** The employee to change. */
  id: string | number;
  /** Job title. */
  jobTitle?: string | null | undefined;
  /** Family name. */
  lastName?: string | null | undefined;
  /** Holiday region. */
  location?: string | null | undefined;
  /** Telephone number; the only field a person may change on their own record. */
  phone?: string | null | undefined;
  /** Annual salary. */
  salary?: MoneyInput | null | undefined;
  /** IANA time zone. */
  timeZone?: string | null | undefined;
};

/**
 * A working-time rule a time entry is checked against on record and amend
 * (docs/working-time.md). A breach is a `POLICY_VIOLATION` naming it in
 * `extensions.rule`, with the field at fault, `limit` and `actual`.
 */
export type WorkingTimeRule =
  /** At most 4 hours of OVERTIME, less meal breaks, on one local day of the employee, by default. */
  | 'DAILY_OVERTIME_CAP'
  /** An entry starts by the end of today in the employee's time zone, by default (SCHEDULED_REST_DAY and ABSENCE may lie ahead). */
  | 'FUTURE_START'
  /** A closed entry lasts at most 24 hours by default (SCHEDULED_REST_DAY and NON_WORKING_DAY are whole days and exempt). */
  | 'MAX_ENTRY_LENGTH'
  /** A SHIFT, OVERTIME or TRAINING entry of more than 6 hours' work holds a meal break of at least 30 minutes, by default. */
  | 'MINIMUM_BREAK';

export type AccrualBalancesQueryVariables = Exact<{
  id: string | number;
  on: string;
}>;


export type AccrualBalancesQuery = { employee: { id: string, accruals: Array<{ accrualType: AccrualType, measurementUnit: MeasurementUnit, target: number, worked: number, remaining: number, expectedToDate: number, status: AccrualStatus }> } | null };

export type MyLeaveQueryVariables = Exact<{
  id: string | number;
  on: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyLeaveQuery = { employee: { id: string, leaveBalances: Array<{ leaveType: LeaveType, entitlement: number, carriedOver: number, taken: number, pending: number, remaining: number }>, leaveRequests: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, leaveType: LeaveType, startDate: string, endDate: string, days: number, status: LeaveStatus, version: number }> } } | null };

export type CheckLeaveQueryVariables = Exact<{
  input: ComplianceCheckInput;
}>;


export type CheckLeaveQuery = { validateCompliance: { allowed: boolean, findings: Array<{ rule: string, field: string | null, message: string, severity: FindingSeverity, policy: { kind: PolicyKind, key: string, version: number } | null }> } };

export type RequestLeaveMutationVariables = Exact<{
  input: RequestLeaveInput;
}>;


export type RequestLeaveMutation = { requestLeave: { id: string, status: LeaveStatus, leaveType: LeaveType, startDate: string, endDate: string, halfDayStart: boolean, halfDayEnd: boolean, days: number } };

export type CancelLeaveMutationVariables = Exact<{
  input: CancelLeaveInput;
}>;


export type CancelLeaveMutation = { cancelLeave: { id: string, status: LeaveStatus, cancelledAt: string | null } };

export type PendingLeaveApprovalsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PendingLeaveApprovalsQuery = { pendingLeaveApprovals: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, leaveType: LeaveType, startDate: string, endDate: string, days: number, version: number, employee: { id: string, firstName: string, lastName: string } }> } };

export type ApproveLeaveMutationVariables = Exact<{
  input: ApproveLeaveInput;
}>;


export type ApproveLeaveMutation = { approveLeave: { id: string, status: LeaveStatus } };

export type RejectLeaveMutationVariables = Exact<{
  input: RejectLeaveInput;
}>;


export type RejectLeaveMutation = { rejectLeave: { id: string, status: LeaveStatus, rejectionReason: string | null } };

export type LeaveRequestUpdatedSubscriptionVariables = Exact<{
  employeeId?: string | number | null | undefined;
}>;


export type LeaveRequestUpdatedSubscription = { leaveRequestUpdated: { id: string, status: LeaveStatus, employee: { id: string, firstName: string } } };

export type TeamDashboardQueryVariables = Exact<{
  managerId: string | number;
  today: string;
  month: string;
}>;


export type TeamDashboardQuery = { employee: { id: string, firstName: string, directReports: Array<{ id: string, firstName: string, lastName: string, jobTitle: string, accruals: Array<{ accrualType: AccrualType, target: number, worked: number, remaining: number, status: AccrualStatus }>, leaveBalances: Array<{ leaveType: LeaveType, remaining: number }>, attendanceSummary: { presentDays: number, absentDays: number, leaveDays: number, lateArrivals: number, workedHours: number, overtimeHours: number }, leaveRequests: { totalCount: number } }> } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, employeeNumber: string, firstName: string, lastName: string, email: string, phone: string | null, department: string, jobTitle: string, status: EmployeeStatus, timeZone: string | null, version: number | null, manager: { id: string, firstName: string, lastName: string } | null } | null };

export type UpdateMyPhoneMutationVariables = Exact<{
  input: UpdateEmployeeInput;
}>;


export type UpdateMyPhoneMutation = { updateEmployee: { id: string, phone: string | null, version: number | null } };

export type MyNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type MyNotificationsQuery = { unreadNotificationCount: number, myNotifications: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, type: NotificationType, title: string, body: string, channel: NotificationChannel, status: NotificationStatus, createdAt: string, readAt: string | null }> } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { unreadNotificationCount: number };

export type MarkNotificationReadMutationVariables = Exact<{
  input: MarkNotificationReadInput;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, status: NotificationStatus, readAt: string | null } };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: { count: number } };

export type NotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationReceivedSubscription = { notificationReceived: { id: string, type: NotificationType, title: string, body: string, createdAt: string } };

export type TimecardQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;


export type TimecardQuery = { employee: { id: string, timeEntries: Array<{ id: string, periodType: PeriodType, shiftType: string | null, startTime: string, endTime: string | null, mealBreakMinutes: number, version: number }> } | null };

export type RecordTimeEntryMutationVariables = Exact<{
  input: RecordTimeEntryInput;
}>;


export type RecordTimeEntryMutation = { recordTimeEntry: { id: string, version: number, periodType: PeriodType, shiftType: string | null, startTime: string, endTime: string | null, mealBreakMinutes: number } };

export type AmendTimeEntryMutationVariables = Exact<{
  input: AmendTimeEntryInput;
}>;


export type AmendTimeEntryMutation = { amendTimeEntry: { id: string, version: number, periodType: PeriodType, shiftType: string | null, startTime: string, endTime: string | null, mealBreakMinutes: number } };

export type DeleteTimeEntryMutationVariables = Exact<{
  input: DeleteTimeEntryInput;
}>;


export type DeleteTimeEntryMutation = { deleteTimeEntry: { id: string } };

export type TodayQueryVariables = Exact<{
  id: string | number;
  day: string;
}>;


export type TodayQuery = { employee: { id: string, schedule: Array<{ id: string, start: string, end: string, shiftType: string | null }>, attendanceEntries: Array<{ id: string, checkInTime: string, checkOutTime: string | null, checkInLocation: string | null, workedHours: number, late: boolean, lateByMinutes: number, supersededByEntryId: string | null }> } | null };

export type CheckInMutationVariables = Exact<{
  input: CheckInInput;
}>;


export type CheckInMutation = { checkIn: { id: string, date: string, checkInTime: string, checkInLocation: string | null, checkInDevice: string | null, late: boolean, lateByMinutes: number } };

export type CheckOutMutationVariables = Exact<{
  input: CheckOutInput;
}>;


export type CheckOutMutation = { checkOut: { id: string, checkOutTime: string | null, workedHours: number } };


export const AccrualBalancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccrualBalances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accruals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accrualType"}},{"kind":"Field","name":{"kind":"Name","value":"measurementUnit"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"worked"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"expectedToDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AccrualBalancesQuery, AccrualBalancesQueryVariables>;
export const MyLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"leaveBalances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveType"}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"}},{"kind":"Field","name":{"kind":"Name","value":"carriedOver"}},{"kind":"Field","name":{"kind":"Name","value":"taken"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leaveRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"leaveType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyLeaveQuery, MyLeaveQueryVariables>;
export const CheckLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplianceCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateCompliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CheckLeaveQuery, CheckLeaveQueryVariables>;
export const RequestLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestLeaveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestLeave"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leaveType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"halfDayStart"}},{"kind":"Field","name":{"kind":"Name","value":"halfDayEnd"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}}]}}]} as unknown as DocumentNode<RequestLeaveMutation, RequestLeaveMutationVariables>;
export const CancelLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelLeaveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelLeave"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}}]}}]}}]} as unknown as DocumentNode<CancelLeaveMutation, CancelLeaveMutationVariables>;
export const PendingLeaveApprovalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingLeaveApprovals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingLeaveApprovals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leaveType"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PendingLeaveApprovalsQuery, PendingLeaveApprovalsQueryVariables>;
export const ApproveLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveLeaveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveLeave"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveLeaveMutation, ApproveLeaveMutationVariables>;
export const RejectLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectLeaveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectLeave"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]} as unknown as DocumentNode<RejectLeaveMutation, RejectLeaveMutationVariables>;
export const LeaveRequestUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LeaveRequestUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"employeeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveRequestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"employeeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"employeeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}}]}}]}}]} as unknown as DocumentNode<LeaveRequestUpdatedSubscription, LeaveRequestUpdatedSubscriptionVariables>;
export const TeamDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"managerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"today"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"managerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"directReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"accruals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"today"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accrualType"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"worked"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leaveBalances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"today"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveType"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendanceSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentDays"}},{"kind":"Field","name":{"kind":"Name","value":"absentDays"}},{"kind":"Field","name":{"kind":"Name","value":"leaveDays"}},{"kind":"Field","name":{"kind":"Name","value":"lateArrivals"}},{"kind":"Field","name":{"kind":"Name","value":"workedHours"}},{"kind":"Field","name":{"kind":"Name","value":"overtimeHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leaveRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamDashboardQuery, TeamDashboardQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const UpdateMyPhoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMyPhone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEmployeeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEmployee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateMyPhoneMutation, UpdateMyPhoneMutationVariables>;
export const MyNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const UnreadCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<UnreadCountQuery, UnreadCountQueryVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const NotificationReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
export const TimecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Timecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"periodType"}},{"kind":"Field","name":{"kind":"Name","value":"shiftType"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"mealBreakMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<TimecardQuery, TimecardQueryVariables>;
export const RecordTimeEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTimeEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordTimeEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTimeEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"periodType"}},{"kind":"Field","name":{"kind":"Name","value":"shiftType"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"mealBreakMinutes"}}]}}]}}]} as unknown as DocumentNode<RecordTimeEntryMutation, RecordTimeEntryMutationVariables>;
export const AmendTimeEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AmendTimeEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AmendTimeEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amendTimeEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"periodType"}},{"kind":"Field","name":{"kind":"Name","value":"shiftType"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"mealBreakMinutes"}}]}}]}}]} as unknown as DocumentNode<AmendTimeEntryMutation, AmendTimeEntryMutationVariables>;
export const DeleteTimeEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTimeEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTimeEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTimeEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteTimeEntryMutation, DeleteTimeEntryMutationVariables>;
export const TodayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Today"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"day"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"shiftType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendanceEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkInTime"}},{"kind":"Field","name":{"kind":"Name","value":"checkOutTime"}},{"kind":"Field","name":{"kind":"Name","value":"checkInLocation"}},{"kind":"Field","name":{"kind":"Name","value":"workedHours"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"lateByMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"supersededByEntryId"}}]}}]}}]}}]} as unknown as DocumentNode<TodayQuery, TodayQueryVariables>;
export const CheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"checkInTime"}},{"kind":"Field","name":{"kind":"Name","value":"checkInLocation"}},{"kind":"Field","name":{"kind":"Name","value":"checkInDevice"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"lateByMinutes"}}]}}]}}]} as unknown as DocumentNode<CheckInMutation, CheckInMutationVariables>;
export const CheckOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkOutTime"}},{"kind":"Field","name":{"kind":"Name","value":"workedHours"}}]}}]}}]} as unknown as DocumentNode<CheckOutMutation, CheckOutMutationVariables>;