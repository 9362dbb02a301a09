import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, OutboxEntry } from '../../../messaging';
import {
  eventsWithRepeats,
  opsWithRepeats,
  versionsFrom,
  type OpOf,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { AttendanceDaySchema, LeaveCopySchema } from '../src/entities';
import { createdData, leaveData, startAttendance } from './support';

/** Monday to Saturday: five working days processed (ABSENT), and a Saturday never recorded. */
const DATES = ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13', '2025-06-14'];
/** The same two people in both harnesses, whose days every run changes in turn. */
const EMPLOYEES = [uuidv7(), uuidv7()];

/** A new version of one of three requests: approved or cancelled, over some of the days. */
const leaveOp = fc.record({
  kind: fc.constantFrom('approved', 'cancelled') as fc.Arbitrary<'approved' | 'cancelled'>,
  request: fc.nat(2),
  start: fc.nat(DATES.length - 1),
  length: fc.nat(2),
  /** Added to the request's highest version so far: stale and repeated versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
});
type LeaveOp = OpOf<typeof leaveOp>;

/** Approvals and cancellations of fresh requests of the two people, moving over the week. */
function eventsOf(ops: Parameters<typeof eventsWithRepeats<LeaveOp>>[0]) {
  const requests = Array.from({ length: 3 }, () => uuidv7());
  const nextVersion = versionsFrom<number>(2);
  const leaveEvent = (op: LeaveOp): EventEnvelope => {
    const employeeId = EMPLOYEES[op.request % EMPLOYEES.length]!;
    const dates = DATES.slice(op.start, op.start + op.length + 1);
    const version = nextVersion(op.request, op.bump);
    const data = { ...leaveData(employeeId), requestId: requests[op.request] };
    const { approvedBy, approvedAt, ...common } = {
      ...data,
      version,
      startDate: dates[0],
      endDate: dates[dates.length - 1],
      days: dates.length,
      dates: dates.map((date) => ({ date, days: 1 })),
    };
    if (op.kind === 'approved')
      return foreignEvent('leave.request.approved', { ...common, approvedBy, approvedAt });
    return foreignEvent('leave.request.cancelled', {
      ...common,
      status: 'CANCELLED',
      previousStatus: 'APPROVED',
      cancelledBy: employeeId,
      cancelledAt: '2025-06-05T09:00:00.000Z',
    });
  };
  return { events: eventsWithRepeats(ops, leaveEvent), requests };
}

/**
 * The run's leave copies, the two people's days, and the events the run's leave events
 * caused, in order; without what is random by nature (row ids, times and chains of processing).
 */
async function stateOf(h: Fed, events: EventEnvelope[], requests: string[]) {
  const em = h.runtime.orm.em.fork();
  const order = { orderBy: { employeeId: 'asc', date: 'asc' } } as const;
  const days = await em.find(AttendanceDaySchema, { employeeId: { $in: EMPLOYEES } }, order);
  const causes = new Set(events.map((event) => event.id));
  const outbox = await em.find(OutboxEntry, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const caused = outbox
    .map((row) => JSON.parse(row.payload) as EventEnvelope)
    .filter((event) => causes.has(event.causationid ?? ''));
  return {
    copies: await em.find(LeaveCopySchema, { id: { $in: requests } }, { orderBy: { id: 'asc' } }),
    // The week's first processing ran in each harness under a chain of its own.
    days: days.map(({ id: _id, processedAt: _at, correlationId: _c, ...rest }) => rest),
    caused: caused.map(({ type, causationid, correlationid, data }) => ({
      type,
      causationid,
      correlationid,
      data: { ...data, dayId: null },
    })),
  };
}

/** Attendance on a fresh database, with the two people hired and their week processed. */
async function start() {
  const h = await startAttendance();
  for (const id of EMPLOYEES) await h.feed('employees.employee.created', createdData(id));
  for (const date of DATES) await h.process(date, EMPLOYEES);
  return h;
}

describeBatchPath("attendance's leave, which processes days again", {
  start,
  handler: (h) => h.module.eventHandlers![1]!,
  scenario: opsWithRepeats(leaveOp).map((ops) => {
    const { events, requests } = eventsOf(ops);
    return { events, stateOf: (h: Fed) => stateOf(h, events, requests) };
  }),
});
