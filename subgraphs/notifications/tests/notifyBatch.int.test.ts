import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, loadCatalogue, OutboxEntry } from '../../../messaging';
import { asHandled, foreignEvent, followUpEmit } from '../../../test-support/startSubgraph';
import { EmailOutboxSchema, EmployeeCopySchema, NotificationSchema } from '../src/entities';
import { createdData, leaveData, startNotifications, type NotificationsHarness } from './support';

const catalogue = loadCatalogue();
const EMPLOYEES = 4;
const DAYS = 3;
const NOW = new Date('2026-03-02T09:00:00.000Z');

const employeeOp = fc.record({
  kind: fc.constantFrom('hired', 'renamed', 'email', 'manager') as fc.Arbitrary<
    'hired' | 'renamed' | 'email' | 'manager'
  >,
  employee: fc.nat(EMPLOYEES - 1),
  other: fc.nat(EMPLOYEES - 1),
  /** Added to the employee's highest version so far: stale and repeated versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  value: fc.nat(2),
});

const noticeOp = fc.record({
  kind: fc.constantFrom('requested', 'approved', 'incomplete', 'joined') as fc.Arbitrary<
    'requested' | 'approved' | 'incomplete' | 'joined'
  >,
  employee: fc.nat(EMPLOYEES - 1),
  other: fc.nat(EMPLOYEES - 1),
  /** Days share a dedupe key across events: a day processed twice tells the employee once. */
  day: fc.nat(DAYS - 1),
});

/** An earlier event delivered again. */
const repeatOp = fc.record({ kind: fc.constant('repeat' as const), of: fc.nat(40) });

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Op = Generated<typeof employeeOp> | Generated<typeof noticeOp> | Generated<typeof repeatOp>;

/** Turns operations into catalogue-valid events about fresh employees. */
function eventsOf(ops: Op[]) {
  const employees = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const days = Array.from({ length: DAYS }, () => uuidv7());
  const versions = new Map<number, number>();
  const nextVersion = (n: number, bump: number) => {
    const version = Math.max(2, (versions.get(n) ?? 1) + bump);
    versions.set(n, Math.max(version, versions.get(n) ?? 1));
    return version;
  };
  const employeeEvent = (op: Generated<typeof employeeOp>): EventEnvelope => {
    const employeeId = employees[op.employee]!;
    const base = { employeeId, employeeNumber: `E${op.employee}`, version: 0 };
    if (op.kind === 'hired')
      return foreignEvent(
        'employees.employee.created',
        createdData(employeeId, { firstName: `F${op.value}`, managerId: employees[op.other] }),
      );
    base.version = nextVersion(op.employee, op.bump);
    if (op.kind === 'manager')
      return foreignEvent('employees.manager.assigned', {
        ...base,
        managerId: employees[op.other],
        previousManagerId: null,
      });
    const field = op.kind === 'renamed' ? 'lastName' : 'email';
    const value =
      op.kind === 'renamed' ? `L${op.value}` : `e${op.employee}.${op.value}@example.com`;
    return foreignEvent('employees.employee.updated', {
      ...base,
      changes: { [field]: { old: null, new: value } },
    });
  };
  const noticeEvent = (op: Generated<typeof noticeOp>): EventEnvelope => {
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
  const events: EventEnvelope[] = [];
  for (const op of ops) {
    if (op.kind === 'repeat') {
      if (events.length > 0) events.push(events[op.of % events.length]!);
    } else if ('bump' in op) events.push(employeeEvent(op));
    else events.push(noticeEvent(op));
  }
  for (const event of events) catalogue.validate(event);
  return { events, employees };
}

const sorted = <T>(list: T[]) =>
  list.map((item) => JSON.stringify(item)).sort((a, b) => a.localeCompare(b));

/**
 * Notifications' tables as far as the run's employees go, without what is random by nature
 * (row ids, times of writing): notifications are named by their dedupe key and recipient.
 */
async function stateOf(h: NotificationsHarness, employees: string[]) {
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

describe('notifications: the batch path has exactly the effect of one event at a time', () => {
  let oneByOne: NotificationsHarness;
  let batched: NotificationsHarness;

  beforeAll(async () => {
    // HR is one of no run's employees; e-mail is on, so addresses matter.
    const options = {
      now: () => NOW,
      hrRecipientIds: [uuidv7()],
      transport: { sendMail: async () => undefined },
    };
    [oneByOne, batched] = await Promise.all([
      startNotifications(options),
      startNotifications(options),
    ]);
  });
  afterAll(async () => {
    await oneByOne?.stop();
    await batched?.stop();
  });

  it('stores the same notifications, e-mails, events and copies for any events in any batches', async () => {
    const handler = batched.module.eventHandlers![0]!;
    const property = fc.asyncProperty(
      fc.array(fc.oneof(employeeOp, noticeOp, { arbitrary: repeatOp, weight: 1 }), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
      async (ops, sizes) => {
        const { events, employees } = eventsOf(ops);
        for (const event of events) await oneByOne.feed(event);
        for (let at = 0, i = 0; at < events.length; i += 1) {
          const batch = events.slice(at, at + sizes[i % sizes.length]!).map(asHandled) as never[];
          await batched.transaction((em) =>
            handler.handleBatch!(batch, {
              em,
              emit: (cause, draft) => followUpEmit(em, 'notifications', cause)(draft),
            }),
          );
          at += batch.length;
        }
        const expected = await stateOf(oneByOne, employees);
        expect(await stateOf(batched, employees)).toEqual(expected);
      },
    );
    await fc.assert(property, { numRuns: 40 });
  }, 300_000);
});
