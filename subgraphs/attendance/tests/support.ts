import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging';
import { DEFAULT_ATTENDANCE_RULES } from '../../../runtime';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type GraphQLReply,
  type SubgraphHarness,
  hrCaller,
  asEmployee,
  asManager,
} from '../../../test-support/startSubgraph';
import {
  agreementCreatedData,
  createdData,
  leaveRequestData,
  londonCopy,
} from '../../../test-support/employeeEvents';
import {
  attendance,
  createAttendance,
  type AttendanceModule,
  type AttendanceOptions,
} from '../src';
import { AttendanceDaySchema, AttendanceEntrySchema, PolicyCopySchema } from '../src/entities';
import { employeeEntityQuery } from '../../../test-support/employeeEntityQuery';
import { feedAsConsumer } from '../../../test-support/feedAsConsumer';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { suiteHarness } from '../../../test-support/suiteHarness';

export { dataOf, onlyError } from '../../../test-support/startSubgraph';
export type { Caller, GraphQLReply };

export const hr: Caller = hrCaller;
export const system: Caller = { role: 'SYSTEM', sub: 'service:scheduler' };
export const self = asEmployee;
export const manager = asManager;

/** A Tuesday in British Summer Time (UTC+1), long past. */
export const DAY = '2025-06-10';
/** The Spring bank holiday in England and Wales, a Monday. */
export const HOLIDAY = '2025-05-26';
/** A Saturday. */
export const SATURDAY = '2025-06-14';
export const at = (date: string, clock: string) => `${date}T${clock}:00+01:00`;

export { createdData, londonCopy };

/** An agreements.agreement.created event's data, with this subgraph's usual yearly target. */
export function agreementData(employeeId: string, overrides: Record<string, unknown> = {}) {
  return agreementCreatedData(employeeId, 1950, overrides);
}

/** A leave.request.* event's data: DAY off, approved. */
export function leaveData(employeeId: string, overrides: Record<string, unknown> = {}) {
  return leaveRequestData(employeeId, [DAY], {
    version: 2,
    status: 'APPROVED',
    approvedBy: uuidv7(),
    approvedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  });
}

export function scheduleData(
  employeeId: string,
  shifts: [string, string][],
  replaced: string[] = [],
) {
  const list = shifts.map(([start, end]) => ({
    shiftId: uuidv7(),
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    shiftType: null,
  }));
  return {
    employeeId,
    scheduleId: uuidv7(),
    version: 1,
    from: list[0].start,
    to: list[list.length - 1].end,
    shifts: list,
    replacedShiftIds: replaced,
  };
}

/** Version 2 of the ATTENDANCE policy, from 11 June 2025: a grace of 5 minutes. */
export const POLICY_V2 = {
  kind: 'ATTENDANCE',
  key: 'DEFAULT',
  version: 2,
  effectiveFrom: '2025-06-11T00:00:00.000Z',
  rules: { ...DEFAULT_ATTENDANCE_RULES, graceMinutes: 5 },
  previous: DEFAULT_ATTENDANCE_RULES,
  reason: null,
};

export interface AttendanceHarness extends SubgraphHarness {
  /** The module under test, as `createAttendance` built it. */
  module: AttendanceModule;
  /** Applies another domain's event as attendance's consumer does (catalogue-checked). */
  feed(
    type: string,
    data: Record<string, unknown>,
    opts?: { validate?: boolean },
  ): Promise<EventEnvelope>;
  /** Applies an already built event again (redelivery). */
  replay(event: EventEnvelope): Promise<void>;
  /** Makes an employee known to attendance and returns its id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  /** The employee's own check-in at `clock` (hh:mm) on `date` (DAY), at `location` (HQ). */
  checkIn(
    employeeId: string,
    clock: string,
    opts?: { date?: string; location?: string; device?: string },
  ): Promise<GraphQLReply>;
  /** Runs processAttendanceDay as HR and returns the result. */
  process(date: string, employeeIds?: string[]): Promise<{ processed: number; changed: number }>;
  day(employeeId: string, date: string): Promise<Record<string, unknown> | null>;
  /** Days, entries, policy copies and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
}

export const PROCESS = `mutation ($input: ProcessAttendanceDayInput!) {
  processAttendanceDay(input: $input) { date processed changed }
}`;

export async function startAttendance(options: AttendanceOptions = {}): Promise<AttendanceHarness> {
  const module = createAttendance(options);
  const h = await startSubgraph(module);
  const consume = feedAsConsumer(h, module);
  const harness: AttendanceHarness = {
    ...h,
    module,
    async feed(type, data, opts = {}) {
      const event = foreignEvent(type, data);
      await consume(event, opts);
      return event;
    },
    replay: (event) => consume(event, { validate: false }),
    async hire(overrides = {}) {
      const id = uuidv7();
      await harness.feed('employees.employee.created', createdData(id, overrides));
      return id;
    },
    checkIn: (employeeId, clock, { date = DAY, location = 'HQ', device = 'd' } = {}) =>
      h.gql(CHECK_IN, { input: { time: at(date, clock), location, device } }, self(employeeId)),
    async process(date, employeeIds) {
      const reply = await h.gql(PROCESS, { input: { date, employeeIds } }, hr);
      if (reply.errors) throw new Error(JSON.stringify(reply.errors));
      return reply.data!.processAttendanceDay;
    },
    async day(employeeId, date) {
      const row = await h.runtime.orm.em.fork().findOne(AttendanceDaySchema, { employeeId, date });
      return row ? { ...row } : null;
    },
    async snapshot() {
      const em = h.runtime.orm.em.fork();
      return {
        days: await em.find(AttendanceDaySchema, {}, { orderBy: { id: 'asc' } }),
        entries: await em.find(AttendanceEntrySchema, {}, { orderBy: { id: 'asc' } }),
        policies: await em.find(PolicyCopySchema, {}, { orderBy: { id: 'asc' } }),
        events: await h.events(),
      };
    },
  };
  return harness;
}

/**
 * A suite of attendance's tests on one default harness, started before them and stopped after
 * (suiteHarness): the setup nearly every suite of this folder opens with.
 */
export function describeAttendance(title: string, tests: (h: AttendanceHarness) => void): void {
  describe(title, () => tests(suiteHarness(startAttendance)));
}

export const CHECK_IN = `mutation ($input: CheckInInput!) {
  checkIn(input: $input) {
    id date checkInTime checkInLocation checkInDevice late lateByMinutes plannedStart version
  }
}`;
export const CHECK_OUT = `mutation ($input: CheckOutInput!) {
  checkOut(input: $input) { id checkOutTime workedHours earlyExit earlyExitMinutes version }
}`;
export const MANUAL = `mutation ($input: ManualAttendanceInput!) {
  recordManualAttendance(input: $input) {
    id date source reason checkInTime checkOutTime correctsEntryId supersededByEntryId lateByMinutes
  }
}`;
export const DAYS = employeeEntityQuery(
  '$from: Date!, $to: Date!',
  `id attendance(from: $from, to: $to) {
    date status checkInTime checkOutTime workedHours late lateByMinutes overtimeMinutes processed
  }`,
);
export const ENTRIES = employeeEntityQuery(
  '$from: Date!, $to: Date!',
  `attendanceEntries(from: $from, to: $to) {
    id source reason checkInTime checkOutTime correctsEntryId supersededByEntryId
  }`,
);
export const SUMMARY = employeeEntityQuery(
  '$month: String!',
  `id attendanceSummary(month: $month) {
    presentDays absentDays leaveDays halfDays lateArrivals workedHours overtimeHours
  }`,
);
export const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Employee', id }));

/** Attendance served over NATS in a namespace of its own: consumers, responders and relay. */
export interface NatsAttendance extends Omit<TestStreams, 'close'> {
  h: SubgraphHarness;
  stop(): Promise<void>;
}

export async function startOverNats(name: string): Promise<NatsAttendance> {
  const streams = await openTestStreams(name);
  const { nc, js, jsm } = streams.nats;
  const h = await startSubgraph(attendance, {
    messaging: { nc, js, jsm, namespace: streams.namespace },
  });
  return {
    ...streams,
    h,
    async stop() {
      await h.stop();
      await streams.close();
    },
  };
}
