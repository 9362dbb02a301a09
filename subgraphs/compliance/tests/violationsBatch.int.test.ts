import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, OutboxEntry } from '../../../messaging';
import { createdData } from '../../../test-support/employeeEvents';
import {
  eventsWithRepeats,
  opsWithRepeats,
  repeatOp,
  type OpOf,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed, sorted } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { violationHandler } from '../src/violations/handlers';
import { LateArrivalSchema, ViolationSchema } from '../src/violations/entities';
import { admin, NOW, startCompliance } from './support';
import { lateArrival, processedDay, timeEntry } from './violationEvents';

/**
 * Someone compliance knows, in New York and with a manager: their days start four hours after
 * London's, so on 2 November the two zones are judged by different WORKING_TIME versions.
 */
const ABROAD = uuidv7();
const MANAGER = uuidv7();

const POLICY = `mutation ($input: UpdateCompliancePolicyInput!) {
  updateCompliancePolicy(input: $input) { version }
}`;

async function start() {
  const h = await startCompliance();
  const changed = await h.gql(
    POLICY,
    {
      input: {
        kind: 'WORKING_TIME',
        effectiveFrom: '2025-11-02T02:00:00Z',
        workingTime: { dailyOvertimeCapMinutes: 120 },
      },
    },
    admin,
  );
  expect(changed.errors).toBeUndefined();
  await h.employeeEvent(
    'employees.employee.created',
    createdData(ABROAD, { timeZone: 'America/New_York', managerId: MANAGER }),
  );
  return h;
}

const DATES = ['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02', '2025-11-03'];

const violationOp = fc.record({
  kind: fc.constantFrom('day', 'late', 'entry') as fc.Arbitrary<'day' | 'late' | 'entry'>,
  /** The last employee is the one abroad. */
  employee: fc.nat(2),
  date: fc.nat(DATES.length - 1),
  /** Overtime of 0, 150 or 300 minutes; for an entry, whether HR made an exception. */
  level: fc.nat(2),
  /** Worked 450 or 800 minutes, with a break of 45 minutes, none, or no figure. */
  long: fc.boolean(),
  rest: fc.nat(2),
});
type ViolationOp = OpOf<typeof violationOp>;

/** Processed days, late arrivals and time entries of two fresh employees and the one abroad. */
const eventsOf =
  (employees: string[]) =>
  (op: ViolationOp): EventEnvelope => {
    const employeeId = employees[op.employee]!;
    const date = DATES[op.date]!;
    if (op.kind === 'late')
      return foreignEvent('attendance.late_arrival.detected', lateArrival(employeeId, date));
    if (op.kind === 'entry') {
      const exception = { rules: ['DAILY_OVERTIME_CAP'], reason: `Cover ${op.rest}` };
      return foreignEvent(
        'time.entry.recorded',
        timeEntry(employeeId, {
          startTime: `${date}T03:00:00.000Z`,
          endTime: `${date}T09:00:00.000Z`,
          ...(op.level > 0 ? { complianceException: exception } : {}),
        }),
      );
    }
    const breakMinutes = [45, 0, undefined][op.rest];
    return foreignEvent(
      'attendance.day.processed',
      processedDay(employeeId, date, {
        overtimeMinutes: op.level * 150,
        workedMinutes: op.long ? 800 : 450,
        ...(breakMinutes === undefined ? {} : { breakMinutes }),
      }),
    );
  };

/** The run's violations and late arrivals without their ids, and the detections in order. */
async function stateOf(h: Fed, employees: string[]) {
  const em = h.runtime.orm.em.fork();
  const mine = { employeeId: { $in: employees } };
  const violations = await em.find(ViolationSchema, mine);
  const lates = await em.find(LateArrivalSchema, mine);
  const detected = (await em.find(OutboxEntry, { type: 'compliance.violation.detected' }))
    .map((row) => JSON.parse(row.payload) as EventEnvelope<{ employeeId: string }>)
    .filter((e) => employees.includes(e.data.employeeId))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    violations: sorted(violations.map(({ id: _id, ...rest }) => rest)),
    lates: sorted(lates.map(({ id: _id, ...rest }) => rest)),
    detected: detected.map((e) => ({
      cause: e.causationid,
      data: { ...e.data, violationId: null },
    })),
  };
}

const scenario = opsWithRepeats(violationOp, repeatOp).map((ops) => {
  const employees = [uuidv7(), uuidv7(), ABROAD];
  const events = eventsWithRepeats(ops, eventsOf(employees));
  return { events, stateOf: (h: Fed) => stateOf(h, employees) };
});

describeBatchPath("compliance's violations", {
  start,
  handler: () => violationHandler({ now: () => NOW }),
  scenario,
});
