import { v7 as uuidv7 } from 'uuid';
import { asHandled } from '../../../test-support/startSubgraph';
import { applyEvents } from '../src/handlers';
import { DAYS, agreementEvent, employeeCreated, entryEvent, startAccruals } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { describeOnPostgres } from '../../../test-support/onPostgres';

// Two replicas share one durable consumer, so one employee's events can be applied in
// parallel transactions. Only PostgreSQL runs such transactions side by side.
describeOnPostgres('accruals: one employee changed by parallel transactions', () => {
  const h = suiteHarness(startAccruals);

  it('ends with the balances of applying the same events one by one', async () => {
    const id = uuidv7();
    await h.apply(employeeCreated(id));
    await h.apply(agreementEvent(id, {}));
    // 30 weekday shifts of 8 hours in June and July 2025, applied 10 at a time.
    const dates = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2025, 5, 2 + i)))
      .filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
      .slice(0, 30)
      .map((d) => d.toISOString().slice(0, 10));
    const events = dates.map((date) =>
      entryEvent('recorded', {
        entryId: uuidv7(),
        employeeId: id,
        version: 1,
        startTime: `${date}T07:00:00Z`,
        endTime: `${date}T15:00:00Z`,
      }),
    );
    for (let i = 0; i < events.length; i += 10)
      await Promise.all(events.slice(i, i + 10).map((e) => h.apply(e)));

    const reply = await h.gql(DAYS, {
      reps: [{ __typename: 'Employee', id }],
      type: 'ANNUAL_TARGET_HOURS',
      from: dates[0],
      to: dates[dates.length - 1],
    });
    const days = reply.data!._entities[0].accrualDays as {
      date: string;
      dayTotal: number;
      cumulativeTotal: number;
    }[];
    const worked = days.filter((d) => d.dayTotal > 0);
    expect(worked.map((d) => d.date)).toEqual(dates);
    expect(worked.map((d) => d.cumulativeTotal)).toEqual(dates.map((_, i) => 8 * (i + 1)));
  });
  /** Ten weekday shifts of 8 hours from 2025-06-02 for each employee, by employee. */
  const shiftsOf = (ids: string[]) =>
    ids.map((employeeId) =>
      Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2025, 5, 2 + i)))
        .filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
        .map((d) =>
          entryEvent('recorded', {
            entryId: uuidv7(),
            employeeId,
            version: 1,
            startTime: `${d.toISOString().slice(0, 10)}T07:00:00Z`,
            endTime: `${d.toISOString().slice(0, 10)}T15:00:00Z`,
          }),
        ),
    );

  it('applies batches naming the same employees in opposite orders side by side', async () => {
    const ids = [uuidv7(), uuidv7()];
    for (const id of ids) {
      await h.apply(employeeCreated(id));
      await h.apply(agreementEvent(id, {}));
    }
    const [first, second] = shiftsOf(ids);
    const batch = (events: ReturnType<typeof entryEvent>[]) =>
      h.transaction((em) => applyEvents(em, events.map(asHandled) as never, () => undefined));
    // Each pair of batches holds both employees, one starting with each: replicas that
    // locked in arrival order would wait on each other for ever.
    for (let i = 0; i < 10; i += 2)
      await Promise.all([
        batch([first![i]!, second![i]!]),
        batch([second![i + 1]!, first![i + 1]!]),
      ]);

    for (const id of ids) {
      const reply = await h.gql(DAYS, {
        reps: [{ __typename: 'Employee', id }],
        type: 'ANNUAL_TARGET_HOURS',
        from: '2025-06-02',
        to: '2025-06-13',
      });
      const days = reply.data!._entities[0].accrualDays as { cumulativeTotal: number }[];
      expect(days.at(-1)!.cumulativeTotal).toBe(80);
    }
  });
});
