import type { EventEnvelope, EventType } from '../../../../messaging';
import type { NotificationDraft } from '../storeNotifications';
import { absence, balanceOffTrack, incompleteCheckOut, lateArrival } from './attendance';
import { trainingAssigned, trainingDue, violationDetected } from './compliance';
import { leaveApproved, leaveCancelled, leaveRejected, leaveRequested } from './leave';
import { dayClosed, deadLetter, employeeJoined } from './operations';
import type { Directory, Template } from './wording';

export type { Directory };

/** The template of each event that calls for notifications (docs/domain.md#notifications). */
const BY_TYPE = {
  'leave.request.created': leaveRequested,
  'leave.request.approved': leaveApproved,
  'leave.request.rejected': leaveRejected,
  'leave.request.cancelled': leaveCancelled,
  'attendance.late_arrival.detected': lateArrival,
  'attendance.absence.detected': absence,
  'attendance.day.processed': incompleteCheckOut,
  'accruals.balance_status.changed': balanceOffTrack,
  'billing.day.closed': dayClosed,
  'audit.dead_letter.recorded': deadLetter,
  'compliance.violation.detected': violationDetected,
  'compliance.training.assigned': trainingAssigned,
  'compliance.training.due_reached': trainingDue,
  'employees.employee.created': employeeJoined,
} satisfies { [K in EventType]?: Template<K> };

type TemplatedEvent = keyof typeof BY_TYPE;
// Looked up by the event's type, so each template gets its own type's data.
const TEMPLATES = new Map<string, Template<never>>(Object.entries(BY_TYPE));

/** Events with a template, beside the employees events the copy is kept from. */
export const TEMPLATE_EVENTS = (Object.keys(BY_TYPE) as TemplatedEvent[]).filter(
  (type): type is TemplateEvent => !type.startsWith('employees.'),
);

/** An event type with a template, other than the employees events. */
export type TemplateEvent = Exclude<TemplatedEvent, `employees.${string}`>;

/**
 * The notifications an event causes, by the templates of docs/domain.md#notifications. Events
 * that do not call for one (or name no one to tell) give none.
 */
export async function notificationsFor(
  event: EventEnvelope,
  dir: Directory,
): Promise<NotificationDraft[]> {
  const template = TEMPLATES.get(event.type);
  return template ? template(event.data as never, dir, event.id) : [];
}
