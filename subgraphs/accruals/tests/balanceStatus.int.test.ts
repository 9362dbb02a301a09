import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, OutboxEntry } from '../../../messaging';
import { createTestScheduler } from '../../../test-support/createTestScheduler';
import { BALANCE_STATUS_CHANGED, createBalanceStatusJob } from '../src';
import { agreementEvent, employeeCreated, entryEvent, startAccruals } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

// The agreement runs 365 days from 2026-01-01 with 3,650 target hours: 10 hours a day
// are expected, so on 2026-01-10 (day 10) 100 hours are, and on 2026-01-11 110.
const DAY_10 = new Date('2026-01-10T12:00:00Z');
const DAY_11 = new Date('2026-01-11T12:00:00Z');

describe('accruals: balance status changes', () => {
  const h = suiteHarness(() => startAccruals({ now: DAY_10 }));

  const changesOf = (employeeId: string, events: EventEnvelope[] = h.emitted) =>
    events
      .filter((e) => e.type === BALANCE_STATUS_CHANGED && e.data.employeeId === employeeId)
      .map((e) => e.data);

  /** An employee on the agreement above, with no time yet. */
  async function hire(): Promise<{ employeeId: string; agreementId: string }> {
    const employeeId = uuidv7();
    const agreementId = uuidv7();
    await h.apply(employeeCreated(employeeId));
    await h.apply(
      agreementEvent(employeeId, {
        agreementId,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        targets: [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 3650 }],
      }),
    );
    return { employeeId, agreementId };
  }

  /** A shift on 2026-01-<day> from 08:00 (UTC, which is London's time in January). */
  const shift = (employeeId: string, day: number, hours: number, entryId = uuidv7()) =>
    entryEvent('recorded', {
      entryId,
      employeeId,
      version: 1,
      startTime: `2026-01-${String(day).padStart(2, '0')}T08:00:00.000Z`,
      endTime: new Date(Date.UTC(2026, 0, day, 8 + hours)).toISOString(),
    });

  /** Version 2 of a recorded shift: amended (to `times`) or deleted. */
  const secondVersion = (
    type: 'amended' | 'deleted',
    recorded: EventEnvelope,
    times: { startTime?: string; endTime?: string } = {},
  ) => {
    const { entryId, employeeId, startTime, endTime } = recorded.data as Record<string, string>;
    return entryEvent(type, { entryId, employeeId, version: 2, startTime, endTime, ...times });
  };

  describe('after time events', () => {
    let employeeId: string;
    let agreementId: string;
    const shifts: EventEnvelope[] = [];

    beforeAll(async () => {
      ({ employeeId, agreementId } = await hire());
    });

    it('says so once a new agreement finds the balance 25+ % behind', () => {
      expect(changesOf(employeeId)).toEqual([
        {
          employeeId,
          agreementId,
          accrualType: 'ANNUAL_TARGET_HOURS',
          measurementUnit: 'HOURS',
          date: '2026-01-10',
          status: 'BEHIND_25_PLUS',
          band: '25+',
          previousStatus: 'ON_TRACK',
          previousBand: null,
          worked: 0,
          expectedToDate: 100,
          target: 3650,
          deviationPercent: -100,
          version: 1,
        },
      ]);
    });

    it('emits exactly one event when time moves the balance to 20 % behind', async () => {
      const emitted = await h.emittedBy(async () => {
        for (let day = 1; day <= 8; day += 1) {
          shifts.push(shift(employeeId, day, 10));
          await h.apply(shifts[shifts.length - 1]!);
        }
      });
      expect(changesOf(employeeId, emitted)).toEqual([
        expect.objectContaining({
          status: 'BEHIND_15_25',
          band: '15-25',
          previousStatus: 'BEHIND_25_PLUS',
          previousBand: '25+',
          worked: 80,
          expectedToDate: 100,
          deviationPercent: -20,
          version: 2,
        }),
      ]);
    });

    it('emits nothing for more time within the same band', async () => {
      shifts.push(shift(employeeId, 9, 2));
      const emitted = await h.emittedBy(() => h.apply(shifts[shifts.length - 1]!));
      expect(changesOf(employeeId, emitted)).toEqual([]);
    });

    it('emits nothing new when the same time events are applied twice again', async () => {
      const emitted = await h.emittedBy(async () => {
        for (let round = 0; round < 2; round += 1) for (const event of shifts) await h.apply(event);
      });
      expect(emitted).toEqual([]);
    });

    it('emits nothing when the balances are rebuilt and the band stays', async () => {
      // The first shift moves to 2026-01-09: the balance changes from the 1st, its total not.
      const moved = secondVersion('amended', shifts[0]!, {
        startTime: '2026-01-09T12:00:00.000Z',
        endTime: '2026-01-09T22:00:00.000Z',
      });
      const emitted = await h.emittedBy(() => h.apply(moved));
      expect(emitted.map((e) => e.type)).toContain('accruals.balance.changed');
      expect(changesOf(employeeId, emitted)).toEqual([]);
    });

    it('emits one event when the balance moves to 25+ % behind', async () => {
      const dropped = secondVersion('deleted', shifts[1]!);
      const emitted = await h.emittedBy(() => h.apply(dropped));
      expect(changesOf(employeeId, emitted)).toEqual([
        expect.objectContaining({
          status: 'BEHIND_25_PLUS',
          band: '25+',
          previousStatus: 'BEHIND_15_25',
          previousBand: '15-25',
          worked: 72,
          deviationPercent: -28,
          version: 3,
        }),
      ]);
    });
  });

  describe('the daily check', () => {
    it('finds a balance that drifted into another band without new time, once', async () => {
      h.clock.now = DAY_10;
      const { employeeId } = await hire();
      for (let day = 1; day <= 8; day += 1) await h.apply(shift(employeeId, day, 10));
      await h.apply(shift(employeeId, 9, 2));
      expect(changesOf(employeeId).map((c) => c.status)).toEqual([
        'BEHIND_25_PLUS',
        'BEHIND_15_25',
      ]);

      // A day later 110 hours are expected of the same 82: 25.5 % behind.
      h.clock.now = DAY_11;
      const job = createBalanceStatusJob(() => h.clock.now!);
      const scheduler = createTestScheduler(h, 'accruals', job, () => h.clock.now!);
      for (const draft of job.plan!(h.clock.now)) await scheduler.schedule(draft);
      expect(await scheduler.runDue()).toBe(1);
      const outbox = async () =>
        (await h.runtime.orm.em.fork().find(OutboxEntry, { type: BALANCE_STATUS_CHANGED })).map(
          (row) => JSON.parse(row.payload) as EventEnvelope,
        );
      expect(changesOf(employeeId, await outbox())).toEqual([
        expect.objectContaining({
          date: '2026-01-11',
          status: 'BEHIND_25_PLUS',
          previousStatus: 'BEHIND_15_25',
          worked: 82,
          expectedToDate: 110,
          deviationPercent: -25.5,
          version: 3,
        }),
      ]);

      // The next day's run finds the same band: nothing more.
      h.clock.now = new Date('2026-01-12T12:00:00Z');
      for (const draft of job.plan!(h.clock.now)) await scheduler.schedule(draft);
      expect(await scheduler.runDue()).toBe(1);
      expect(changesOf(employeeId, await outbox())).toHaveLength(1);
    });
  });
});
