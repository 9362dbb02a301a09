import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import {
  employeeEventsFor,
  employeeOp,
  eventsWithRepeats,
  opsWithRepeats,
  versionsFrom,
  type OpOf,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { AgreementCopySchema, EmployeeCopySchema, ShiftCopySchema } from '../src/entities';
import { copyHandler } from '../src/handlers';
import { agreementData, at, DAY, startAttendance } from './support';

const SHIFTS = 4;

/** A new version of one of three agreements of two employees. */
const agreementOp = fc.record({
  kind: fc.constantFrom('created', 'amended') as fc.Arbitrary<'created' | 'amended'>,
  agreement: fc.nat(2),
  /** Added to the agreement's highest version so far: stale and repeated versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  workingDays: fc.constantFrom([], ['MON', 'TUE', 'WED']),
  weeklyHours: fc.option(fc.constantFrom(22.5, 37.5), { nil: undefined }),
});

/** A schedule publishing some of a pool of shifts and replacing others. */
const scheduleOp = fc.record({
  kind: fc.constant('schedule' as const),
  shifts: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
  replaced: fc.subarray([0, 1, 2, 3]),
});

/** Employees, agreements and schedules events, mixed, about fresh records. */
const scenario = opsWithRepeats(employeeOp, agreementOp, scheduleOp).map((ops) => {
  const employees = [uuidv7(), uuidv7()];
  const employeeEvent = employeeEventsFor(employees);
  const agreements = Array.from({ length: 3 }, (_, n) => agreementData(employees[n % 2]!));
  const shiftIds = Array.from({ length: SHIFTS }, () => uuidv7());
  const nextVersion = versionsFrom<number>(1);
  const agreementEvent = (op: OpOf<typeof agreementOp>) => {
    const version = nextVersion(op.agreement, op.bump);
    const { workingDays, weeklyHours } = op;
    const data = { ...agreements[op.agreement]!, version, workingDays, weeklyHours };
    return foreignEvent(`agreements.agreement.${op.kind}`, data);
  };
  const scheduleEvent = (op: OpOf<typeof scheduleOp>) => {
    const shifts = op.shifts.map((n) => ({
      shiftId: shiftIds[n]!,
      start: new Date(at(DAY, `0${n + 6}:00`)).toISOString(),
      end: new Date(at(DAY, `1${n + 4}:00`)).toISOString(),
      shiftType: null,
    }));
    const replacedShiftIds = op.replaced.filter((n) => !op.shifts.includes(n));
    return foreignEvent('time.schedule.published', {
      employeeId: employees[0],
      scheduleId: uuidv7(),
      version: 1,
      from: new Date(at(DAY, '00:00')).toISOString(),
      to: new Date(at(DAY, '23:00')).toISOString(),
      shifts,
      replacedShiftIds: replacedShiftIds.map((n) => shiftIds[n]!),
    });
  };
  const events = eventsWithRepeats(ops, (op) => {
    if (op.kind === 'schedule') return scheduleEvent(op);
    return 'agreement' in op ? agreementEvent(op) : employeeEvent(op);
  });
  const stateOf = async (h: Fed) => {
    const em = h.runtime.orm.em.fork();
    const mine = { employeeId: { $in: employees } };
    const order = { orderBy: { id: 'asc' } } as const;
    return {
      employees: (await em.find(EmployeeCopySchema, { id: { $in: employees } }, order)).map(
        ({ updatedAt: _at, ...rest }) => rest,
      ),
      agreements: await em.find(AgreementCopySchema, mine, order),
      shifts: (await em.find(ShiftCopySchema, { id: { $in: shiftIds } }, order)).map(
        ({ scheduleId: _id, ...rest }) => rest,
      ),
    };
  };
  return { events, stateOf };
});

describeBatchPath("attendance's copies of employees, agreements and shifts", {
  start: () => startAttendance(),
  handler: () => copyHandler,
  scenario,
});
