import { DateTime } from 'luxon';
import { contractOperation } from '../../../test-support/contractOperation';
import {
  hr,
  onlyError,
  startTime,
  type Caller,
  type GraphQLReply,
  type TimeHarness,
} from './support';

const AMEND = contractOperation('AmendTimeEntry');

/** The first instant of tomorrow in `zone`, as the service sees today now. */
const endOfToday = (zone: string) => DateTime.now().setZone(zone).startOf('day').plus({ days: 1 });

describe('time: working-time rules', () => {
  let h: TimeHarness;

  beforeAll(async () => {
    h = await startTime();
  });
  afterAll(() => h.stop());

  /** A fresh person for each case, so entries of different cases never meet. */
  const person = async (timeZone = 'Europe/London') => {
    const id = await h.hire({ timeZone });
    return { id, self: { role: 'EMPLOYEE', sub: id } as Caller };
  };
  const record = (
    employeeId: string,
    input: Record<string, unknown>,
    caller: Caller = { role: 'EMPLOYEE', sub: employeeId },
  ) => h.op('RecordTimeEntry', { input: { employeeId, periodType: 'SHIFT', ...input } }, caller);
  const amend = (input: Record<string, unknown>, caller: Caller) => h.gql(AMEND, { input }, caller);

  /** Asserts the reply is one POLICY_VIOLATION of `rule` and that nothing was written. */
  const refusedBy = async (rule: string, write: () => Promise<GraphQLReply>) => {
    const before = await h.snapshot();
    const error = onlyError(await write());
    expect(error.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule });
    expect(await h.snapshot()).toEqual(before);
    return error.extensions!;
  };

  describe('FUTURE_START', () => {
    it.each(['Pacific/Kiritimati', 'Europe/London', 'Pacific/Pago_Pago'])(
      'lets an entry start until the end of today in the employee’s zone (%s), not later',
      async (zone) => {
        const { id } = await person(zone);
        const limit = endOfToday(zone);
        const last = await record(id, {
          startTime: limit.minus({ seconds: 1 }).toISO(),
          endTime: limit.toISO(),
        });
        expect(last.errors).toBeUndefined();
        const refused = await refusedBy('FUTURE_START', () =>
          record(id, { startTime: limit.toISO() }, hr),
        );
        expect(refused).toMatchObject({
          field: 'startTime',
          limit: limit.toUTC().toISO(),
          actual: limit.toUTC().toISO(),
        });
      },
    );

    it('refuses a shift in 2030, and lets a rest day or an absence be planned then', async () => {
      const { id } = await person();
      const shift = { startTime: '2030-01-07T08:00:00Z', endTime: '2030-01-07T12:00:00Z' };
      await refusedBy('FUTURE_START', () => record(id, shift));
      for (const [periodType, day] of [
        ['SCHEDULED_REST_DAY', '2030-01-05'],
        ['ABSENCE', '2030-01-08'],
      ]) {
        const planned = await record(id, {
          periodType,
          startTime: `${day}T00:00:00Z`,
          endTime: `${day}T08:00:00Z`,
        });
        expect(planned.errors).toBeUndefined();
      }
    });
  });

  describe('MAX_ENTRY_LENGTH', () => {
    it('takes an entry of 24 hours and refuses one a minute longer', async () => {
      const { id } = await person();
      const start = '2025-01-06T08:00:00Z';
      const day = { startTime: start, endTime: '2025-01-07T08:00:00Z', mealBreakMinutes: 60 };
      expect((await record(id, day)).errors).toBeUndefined();
      const refused = await refusedBy('MAX_ENTRY_LENGTH', () =>
        record(id, {
          startTime: '2025-01-08T08:00:00Z',
          endTime: '2025-01-09T08:01:00Z',
          mealBreakMinutes: 60,
        }),
      );
      expect(refused).toMatchObject({ field: 'endTime', limit: 1440, actual: 1441 });
    });

    it('takes a whole rest day of 25 hours on the autumn clock change', async () => {
      const { id } = await person();
      const rest = await record(id, {
        periodType: 'SCHEDULED_REST_DAY',
        startTime: '2025-10-26T00:00:00+01:00',
        endTime: '2025-10-27T00:00:00+00:00',
      });
      expect(rest.errors).toBeUndefined();
    });
  });

  describe('DAILY_OVERTIME_CAP', () => {
    const overtime = (startTime: string, endTime: string, mealBreakMinutes = 0) => ({
      periodType: 'OVERTIME',
      startTime,
      endTime,
      mealBreakMinutes,
    });

    it('takes 4 hours of overtime on a local day, less meal breaks, and refuses a minute more', async () => {
      const { id } = await person();
      // 3 h, and 1 h 30 min less a 30-minute break: 4 h on 2025-01-13.
      expect(
        (await record(id, overtime('2025-01-13T06:00:00Z', '2025-01-13T09:00:00Z'))).errors,
      ).toBeUndefined();
      expect(
        (await record(id, overtime('2025-01-13T17:00:00Z', '2025-01-13T18:30:00Z', 30))).errors,
      ).toBeUndefined();
      const refused = await refusedBy('DAILY_OVERTIME_CAP', () =>
        record(id, overtime('2025-01-13T20:00:00Z', '2025-01-13T20:01:00Z')),
      );
      expect(refused).toMatchObject({
        field: 'endTime',
        limit: 240,
        actual: 241,
        date: '2025-01-13',
      });
      // A shift is no overtime.
      expect(
        (
          await record(id, {
            startTime: '2025-01-13T20:00:00Z',
            endTime: '2025-01-13T22:00:00Z',
          })
        ).errors,
      ).toBeUndefined();
    });

    it('cuts days at local midnight in the employee’s zone', async () => {
      // New York, winter: local midnight is 05:00 UTC. 19:00-23:00 on 13 January there.
      const { id } = await person('America/New_York');
      expect(
        (await record(id, overtime('2025-01-14T00:00:00Z', '2025-01-14T04:00:00Z'))).errors,
      ).toBeUndefined();
      // 23:00-01:00 local: one more hour on 13 January, where 4 h are recorded already.
      const refused = await refusedBy('DAILY_OVERTIME_CAP', () =>
        record(id, overtime('2025-01-14T04:00:00Z', '2025-01-14T06:00:00Z')),
      );
      expect(refused).toMatchObject({ actual: 300, date: '2025-01-13' });
      // After local midnight it is another day.
      expect(
        (await record(id, overtime('2025-01-14T05:00:00Z', '2025-01-14T09:00:00Z'))).errors,
      ).toBeUndefined();
    });
  });

  describe('MINIMUM_BREAK', () => {
    it('takes 6 hours’ work without a break, and asks 30 minutes of one beyond that', async () => {
      const { id } = await person();
      const at = (day: number, time: string) => `2025-01-${String(day).padStart(2, '0')}T${time}Z`;
      const six = { startTime: at(20, '08:00:00'), endTime: at(20, '14:00:00') };
      expect((await record(id, six)).errors).toBeUndefined();
      const refused = await refusedBy('MINIMUM_BREAK', () =>
        record(id, { startTime: at(21, '08:00:00'), endTime: at(21, '14:01:00') }),
      );
      expect(refused).toMatchObject({
        field: 'mealBreakMinutes',
        limit: 30,
        actual: 0,
        afterMinutes: 360,
        workedMinutes: 361,
      });
      // 6 h 40 min with a 29-minute break is 6 h 11 min of work: too short a break.
      await refusedBy('MINIMUM_BREAK', () =>
        record(id, {
          startTime: at(22, '08:00:00'),
          endTime: at(22, '14:40:00'),
          mealBreakMinutes: 29,
        }),
      );
      const withBreak = {
        startTime: at(22, '08:00:00'),
        endTime: at(22, '14:40:00'),
        mealBreakMinutes: 30,
      };
      expect((await record(id, withBreak)).errors).toBeUndefined();
      // Being on call is no work that needs a break.
      const onCall = { periodType: 'ON_CALL', startTime: at(23, '08:00:00') };
      expect((await record(id, { ...onCall, endTime: at(23, '20:00:00') })).errors).toBeUndefined();
    });
  });

  describe('on amend', () => {
    it('checks the changed entry, writing nothing when it breaks a rule', async () => {
      const { id, self } = await person();
      const entry = (
        await record(id, { startTime: '2025-02-03T08:00:00Z', endTime: '2025-02-03T12:00:00Z' })
      ).data!.recordTimeEntry;
      await refusedBy('MINIMUM_BREAK', () =>
        amend({ id: entry.id, endTime: '2025-02-03T16:00:00Z' }, self),
      );
      await refusedBy('MAX_ENTRY_LENGTH', () =>
        amend({ id: entry.id, endTime: '2025-02-04T12:00:00Z', mealBreakMinutes: 60 }, self),
      );
      const tomorrow = endOfToday('Europe/London');
      await refusedBy('FUTURE_START', () =>
        amend({ id: entry.id, startTime: tomorrow.toISO(), endTime: null }, self),
      );
      await refusedBy('DAILY_OVERTIME_CAP', () =>
        amend({ id: entry.id, periodType: 'OVERTIME', endTime: '2025-02-03T12:01:00Z' }, self),
      );
      const fine = await amend(
        { id: entry.id, endTime: '2025-02-03T16:00:00Z', mealBreakMinutes: 30 },
        self,
      );
      expect(fine.errors).toBeUndefined();
      expect(fine.data!.amendTimeEntry).toMatchObject({ version: 2 });
    });

    it('closes an open entry only within the rules', async () => {
      const { id, self } = await person();
      const open = (await record(id, { startTime: '2025-02-10T22:00:00Z' })).data!.recordTimeEntry;
      await refusedBy('MAX_ENTRY_LENGTH', () =>
        amend({ id: open.id, endTime: '2025-02-11T22:30:00Z', mealBreakMinutes: 30 }, self),
      );
      const closed = await amend(
        { id: open.id, endTime: '2025-02-11T06:00:00Z', mealBreakMinutes: 30 },
        self,
      );
      expect(closed.errors).toBeUndefined();
    });
  });

  describe('HR’s exception', () => {
    const reason = 'Snowed in at the ward: stayed on through the night.';

    it('stores an entry breaking the rules it names, and the event carries it with the reason', async () => {
      const { id } = await person();
      const long = {
        startTime: '2025-03-03T08:00:00Z',
        endTime: '2025-03-04T14:00:00Z',
        mealBreakMinutes: 60,
      };
      // An exception waives only the rules it names.
      await refusedBy('MAX_ENTRY_LENGTH', () =>
        record(id, { ...long, complianceException: { rules: ['FUTURE_START'], reason } }, hr),
      );
      const reply = await record(
        id,
        { ...long, complianceException: { rules: ['MAX_ENTRY_LENGTH'], reason: ` ${reason} ` } },
        hr,
      );
      expect(reply.errors).toBeUndefined();
      const entry = reply.data!.recordTimeEntry;
      expect(entry).toMatchObject({ endTime: '2025-03-04T14:00:00.000Z' });
      const [recorded] = await h.eventsAbout(entry.id);
      expect(recorded.data).toMatchObject({
        entryId: entry.id,
        complianceException: { rules: ['MAX_ENTRY_LENGTH'], reason },
      });

      // A change the rule does not read is not checked again; one it reads is.
      const renamed = await amend({ id: entry.id, shiftType: 'Snow' }, hr);
      expect(renamed.errors).toBeUndefined();
      await refusedBy('MAX_ENTRY_LENGTH', () =>
        amend({ id: entry.id, endTime: '2025-03-04T15:00:00Z' }, hr),
      );
      const longer = await amend(
        {
          id: entry.id,
          endTime: '2025-03-04T15:00:00Z',
          complianceException: { rules: ['MAX_ENTRY_LENGTH', 'MINIMUM_BREAK'], reason },
        },
        hr,
      );
      expect(longer.errors).toBeUndefined();
      const amended = await h.eventsAbout(entry.id, 'time.entry.amended');
      expect(amended.map((e) => e.data.complianceException ?? null)).toEqual([
        null,
        { rules: ['MAX_ENTRY_LENGTH', 'MINIMUM_BREAK'], reason },
      ]);
    });

    it.each<Caller['role']>(['EMPLOYEE', 'MANAGER', 'SYSTEM'])(
      'is FORBIDDEN to %s, and nothing is stored',
      async (role) => {
        const { id } = await person();
        const caller: Caller = { role, sub: role === 'SYSTEM' ? 'service:import' : id };
        const before = await h.snapshot();
        const error = onlyError(
          await record(
            id,
            {
              startTime: '2025-03-10T08:00:00Z',
              endTime: '2025-03-10T12:00:00Z',
              complianceException: { rules: ['MINIMUM_BREAK'], reason },
            },
            caller,
          ),
        );
        expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
        expect(await h.snapshot()).toEqual(before);
      },
    );

    it('needs a reason that is not blank', async () => {
      const { id } = await person();
      const before = await h.snapshot();
      const error = onlyError(
        await record(
          id,
          {
            startTime: '2025-03-10T08:00:00Z',
            complianceException: { rules: ['MINIMUM_BREAK'], reason: '   ' },
          },
          hr,
        ),
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'complianceException.reason',
      });
      const none = onlyError(
        await record(
          id,
          { startTime: '2025-03-10T08:00:00Z', complianceException: { rules: [], reason } },
          hr,
        ),
      );
      expect(none.extensions).toMatchObject({ field: 'complianceException.rules' });
      expect(await h.snapshot()).toEqual(before);
    });
  });

  it('applies the configured limits', async () => {
    const shared = h;
    h = await startTime({ settings: { maxEntryMinutes: 600, minimumBreakMinutes: 45 } });
    try {
      const { id } = await person();
      const tenAndAHalf = {
        startTime: '2025-04-07T08:00:00Z',
        endTime: '2025-04-07T18:30:00Z',
        mealBreakMinutes: 45,
      };
      const refused = await refusedBy('MAX_ENTRY_LENGTH', () => record(id, tenAndAHalf));
      expect(refused).toMatchObject({ limit: 600, actual: 630 });
      const shortBreak = await refusedBy('MINIMUM_BREAK', () =>
        record(id, { ...tenAndAHalf, endTime: '2025-04-07T18:00:00Z', mealBreakMinutes: 30 }),
      );
      expect(shortBreak).toMatchObject({ limit: 45 });
    } finally {
      await h.stop();
      h = shared;
    }
  });
});
