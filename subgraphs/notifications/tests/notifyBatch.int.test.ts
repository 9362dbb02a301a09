import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, OutboxEntry } from '../../../messaging';
import {
  employeeEventsFor,
  employeeOp,
  type EmployeeOp,
  eventsWithRepeats,
  opsWithRepeats,
  type RepeatOp,
  type OpOf,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed, sorted } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { EmailOutboxSchema, EmployeeCopySchema, NotificationSchema } from '../src/entities';
import { createdData, leaveData, startNotifications } from './support';

const EMPLOYEES = 4;
const DAYS = 3;
const NOW = new Date('2026-03-02T09:00:00.000Z');

const noticeOp = fc.record({
  kind: fc.constantFrom('requested', 'approved', 'incomplete', 'joined') as fc.Arbitrary<
    'requested' | 'approved' | 'incomplete' | 'joined'
  >,
  employee: fc.nat(EMPLOYEES - 1),
  other: fc.nat(EMPLOYEES - 1),
  /** Days share a dedupe key across events: a day processed twice tells the employee once. */
  day: fc.nat(DAYS - 1),
});

type Op = EmployeeOp | OpOf<typeof noticeOp> | RepeatOp;

/** Turns operations into events about fresh employees. */
function eventsOf(ops: Op[]) {
  const employees = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const days = Array.from({ length: DAYS }, () => uuidv7());
  const employeeEvent = employeeEventsFor(employees);
  const noticeEvent = (op: OpOf<typeof noticeOp>): EventEnvelope => {
    const employeeId = employees[op.employee]!;
    const managerId = employees[op.other]!;
    if (op.kind === 'joined')
      return foreignEvent('employees.employee.created', createdData(employeeId, { managerId }));
    if (op.kind === 'incomplete')
      return foreignEvent('attendance.day.processed', {
        dayId: days[op.day],
        employeeId,
        date: `2026-03-0${op.day + 1}`,
        version: 1,
        status: 'INCOMPLETE',
        workedMinutes: 0,
        plannedMinutes: 480,
        lateByMinutes: 0,
        earlyExitMinutes: 0,
        overtimeMinutes: 0,
      });
    if (op.kind === 'requested')
      return foreignEvent('leave.request.created', {
        ...leaveData(employeeId, managerId),
        requestedBy: employeeId,
      });
    return foreignEvent('leave.request.approved', {
      ...leaveData(employeeId, managerId, { status: 'APPROVED' }),
      approvedBy: managerId,
      approvedAt: NOW.toISOString(),
    });
  };
  const events = eventsWithRepeats(ops, (op) =>
    'bump' in op ? employeeEvent(op) : noticeEvent(op),
  );
  return { events, employees };
}

/**
 * Notifications' tables as far as the run's employees go, without what is random by nature
 * (row ids, times of writing): notifications are named by their dedupe key and recipient.
 */
async function stateOf(h: Fed, employees: string[]) {
  const em = h.runtime.orm.em.fork();
  const notifications = await em.find(NotificationSchema, { recipientId: { $in: employees } });
  const byId = new Map(notifications.map((n) => [n.id, `${n.dedupeKey}|${n.recipientId}`]));
  const emails = await em.find(EmailOutboxSchema, { notificationId: { $in: [...byId.keys()] } });
  const created = (await em.find(OutboxEntry, { type: 'notifications.notification.created' }))
    .map((row) => JSON.parse(row.payload) as EventEnvelope)
    .filter((event) => byId.has(event.subject));
  const copies = await em.find(EmployeeCopySchema, { id: { $in: employees } });
  return {
    notifications: sorted(notifications.map(({ id: _id, ...rest }) => rest)),
    emails: sorted(
      emails.map(({ id: _id, notificationId, ...rest }) => ({
        ...rest,
        of: byId.get(notificationId),
      })),
    ),
    created: sorted(
      created.map((e) => ({
        of: byId.get(e.subject),
        cause: e.causationid,
        data: { ...e.data, notificationId: null },
      })),
    ),
    copies: sorted(copies.map(({ updatedAt: _at, ...rest }) => rest)),
  };
}

// HR is one of no run's employees; e-mail is on, so addresses matter.
const OPTIONS = {
  now: () => NOW,
  hrRecipientIds: [uuidv7()],
  transport: { sendMail: async () => undefined },
};

/** Employees events and events that call for notifications, with repeats. */
const scenario = opsWithRepeats(employeeOp, noticeOp).map((ops) => {
  const { events, employees } = eventsOf(ops);
  return { events, stateOf: (h: Fed) => stateOf(h, employees) };
});

describeBatchPath('notifications', {
  start: () => startNotifications(OPTIONS),
  handler: (h) => h.module.eventHandlers![0]!,
  scenario,
});
