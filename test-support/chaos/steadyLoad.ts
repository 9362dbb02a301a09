import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { isPublicHoliday } from '../../runtime';
import { agreementInput, personInput } from '../seedOrganisation';
import { workingDays } from '../workingDays';
import type { GatewayClient } from './gatewayClient';

const ZONE = 'Europe/London';
const LOCATION = 'ENGLAND_AND_WALES';
/** Every shift of the load: four daytime hours on a working day, so its cost is plain. */
export const SHIFT_MINUTES = 240;

export interface Staff {
  managerId: string;
  employeeIds: string[];
}

const hr = 'service:hr';

function orFail(outcome: Awaited<ReturnType<GatewayClient['call']>>): any {
  if ('refused' in outcome) throw new Error(`Set-up failed: ${outcome.refused}`);
  return 'data' in outcome ? outcome.data : undefined;
}

/** Which subgraphs run: the load leaves out what no one serves. */
export type Serves = (name: string) => boolean;

/** Hires a manager and `size` reports with agreements covering this year and the ones around it. */
export async function hireStaff(
  client: GatewayClient,
  size: number,
  serves: Serves,
): Promise<Staff> {
  const hire = async (extra: Record<string, unknown>) =>
    orFail(
      await client.call(
        'CreateEmployee',
        { input: { ...personInput('Chaos', 'Staff', extra), idempotencyKey: crypto.randomUUID() } },
        'HR',
        hr,
      ),
    ).createEmployee.id as string;
  const managerId = await hire({ jobTitle: 'Ward Manager' });
  const employeeIds = await Promise.all(Array.from({ length: size }, () => hire({ managerId })));
  const year = new Date().getUTCFullYear();
  if (!serves('agreements')) return { managerId, employeeIds };
  await Promise.all(
    employeeIds.map(async (employeeId) =>
      orFail(
        await client.call(
          'CreateAgreement',
          {
            input: {
              ...agreementInput(employeeId, `${year - 1}-01-01`, `${year + 1}-12-31`),
              idempotencyKey: crypto.randomUUID(),
            },
          },
          'HR',
          hr,
          // Agreements hears of the hire by event: until then the employee is unknown to it.
          { retryOn: ['BAD_USER_INPUT', 'NOT_FOUND'] },
        ),
      ),
    ),
  );
  return { managerId, employeeIds };
}

/**
 * Shift starts in the past, oldest first, two a day (08:00 and 13:00), on days that are no
 * public holiday: attendance refuses a check-in before an employee's latest one.
 */
function* pastShifts(daysBack: number): Generator<DateTime> {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  for (let day = today.minus({ days: daysBack }); day < today; day = day.plus({ days: 1 }))
    if (!isPublicHoliday(LOCATION, day.toISODate()!)) {
      yield day.set({ hour: 8 });
      yield day.set({ hour: 13 });
    }
}

/** Future working days from next week on (no weekend, no public holiday): one sick day each. */
function* leaveDays(): Generator<string> {
  const from = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 7 });
  for (const day of workingDays(from)) yield day.toISODate()!;
}

/** One round of an employee's working life: a shift, a check-in and -out, sick leave approved. */
async function cycle(
  client: GatewayClient,
  serves: Serves,
  staff: Staff,
  employeeId: string,
  day: DateTime,
  leaveDay: string,
) {
  const key = () => crypto.randomUUID();
  const start = day;
  if (serves('time'))
    await client.call(
      'RecordTimeEntry',
      {
        input: {
          employeeId,
          periodType: 'SHIFT',
          shiftType: 'Early',
          startTime: start.toISO(),
          endTime: start.plus({ minutes: SHIFT_MINUTES }).toISO(),
          mealBreakMinutes: 0,
          idempotencyKey: key(),
        },
      },
      'HR',
      hr,
    );
  if (serves('attendance')) await checkInAndOut(client, employeeId, start);
  if (serves('leave')) await sickDay(client, staff, employeeId, leaveDay);
}

async function checkInAndOut(client: GatewayClient, employeeId: string, start: DateTime) {
  const key = () => crypto.randomUUID();
  const checkedIn = await client.call(
    'CheckIn',
    {
      input: {
        employeeId,
        time: start.toISO(),
        location: 'Ward 5',
        device: 'kiosk-1',
        idempotencyKey: key(),
      },
    },
    'HR',
    hr,
  );
  // Retried after a lost answer, the check-out finds nothing open: it was done.
  if ('data' in checkedIn)
    await client.call(
      'CheckOut',
      { input: { employeeId, time: start.plus({ hours: 4 }).toISO() } },
      'HR',
      hr,
      {
        doneOn: ['BAD_USER_INPUT'],
      },
    );
}

async function sickDay(client: GatewayClient, staff: Staff, employeeId: string, leaveDay: string) {
  const key = () => crypto.randomUUID();
  const asked = await client.call(
    'RequestLeave',
    {
      input: {
        employeeId,
        leaveType: 'SICK',
        startDate: leaveDay,
        endDate: leaveDay,
        idempotencyKey: key(),
      },
    },
    'HR',
    hr,
  );
  if ('data' in asked)
    await client.call(
      'ApproveLeave',
      { input: { id: asked.data.requestLeave.id } },
      'MANAGER',
      staff.managerId,
      {
        doneOn: ['CONFLICT', 'BAD_USER_INPUT'],
      },
    );
}

/** A load that can be paused while the counts are taken, and resumed on later days. */
export interface SteadyLoad {
  start(): void;
  /** Ends the load after the rounds in progress. */
  stop(): Promise<void>;
  /** The client's counts of calls, retries and refusals. */
  stats(): GatewayClient['stats'];
}

/**
 * Keeps the platform busy while started: one loop per employee, each running rounds of
 * {@link cycle}, every round on the next past day, and a hire every other round.
 */
export function createSteadyLoad(
  client: GatewayClient,
  staff: Staff,
  serves: Serves,
  daysBack: number,
): SteadyLoad {
  let running = false;
  let loops: Promise<void>[] = [];
  const calendars = staff.employeeIds.map(() => ({
    days: pastShifts(daysBack),
    leave: leaveDays(),
  }));
  const hireOne = () =>
    client.call(
      'CreateEmployee',
      {
        input: {
          ...personInput('Chaos', 'Hire', { managerId: staff.managerId }),
          idempotencyKey: crypto.randomUUID(),
        },
      },
      'HR',
      hr,
    );
  const loop = async (employeeId: string, index: number) => {
    const { days, leave } = calendars[index];
    for (let round = 0; running; round++) {
      const shift = days.next();
      if (shift.done) return; // out of past days: the phase's wait says so
      await cycle(client, serves, staff, employeeId, shift.value, leave.next().value!);
      if (index === 0 && round % 2 === 0) await hireOne();
    }
  };
  return {
    stats: () => client.stats,
    start() {
      if (running) return;
      running = true;
      loops = staff.employeeIds.map(loop);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
