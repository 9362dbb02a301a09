import { v7 as uuidv7 } from 'uuid';
import { loadCatalogue } from '../../../messaging';
import { MAX_ENTRY_MINUTES } from '../../../runtime';
import { deadLettersOf } from '../../../test-support/deadLettersOf';
import { createdData } from '../../../test-support/employeeEvents';
import { employeeUpdatedData } from '../../../test-support/employeeUpdatedData';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { startSubgraph, type SubgraphHarness } from '../../../test-support/startSubgraph';
import { entryData } from '../../../test-support/timeEntryEvents';
import { waitFor } from '../../../test-support/waitFor';
import { createAccruals } from '../src';
import { ContributionSchema, EmployeeCopySchema } from '../src/entities';
import { event } from './support';

// Events no producer would publish, sent through the real NATS to accruals' consumer: each
// is dead-lettered as invalid and leaves the ledger as it was. The ledger's one consumer
// applies events in order, so a real event applied after a forged one means it was settled.
describe('accruals: forged events on the bus', () => {
  let streams: TestStreams;
  let h: SubgraphHarness;

  beforeAll(async () => {
    streams = await openTestStreams('accruals-hostile');
    const { js, jsm } = streams.nats;
    h = await startSubgraph(createAccruals(), {
      messaging: { js, jsm, namespace: streams.namespace },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await streams?.close();
  });

  const copyOf = (id: string) => h.runtime.orm.em.fork().findOne(EmployeeCopySchema, id);
  const contributions = (entryId: string) =>
    h.runtime.orm.em.fork().count(ContributionSchema, { entryId });
  const deadLetters = async (ids: string[]) =>
    (await deadLettersOf(streams.nats, streams.namespace)).filter((d) => ids.includes(d.eventId));
  const zone = (from: string, to: string) => ({ timeZone: { old: from, new: to } });

  /** A copy at version 1 in London, seen by the consumer. */
  async function hired(): Promise<string> {
    const id = uuidv7();
    await streams.publish(event('employees.employee.created', id, createdData(id)));
    await waitFor(async () => (await copyOf(id)) ?? undefined);
    return id;
  }

  /** Waits for the real version 2 (Paris) and gives the copy then. */
  async function afterRealUpdate(id: string) {
    const real = employeeUpdatedData(id, 2, zone('Europe/London', 'Europe/Paris'));
    await streams.publish(event('employees.employee.updated', id, real));
    return waitFor(async () => {
      const copy = await copyOf(id);
      return copy && copy.version > 1 ? copy : undefined;
    });
  }

  it.each([
    ['the largest safe integer', 9007199254740991],
    ['1e300', 1e300],
  ])('refuses an employee version of %s, and takes the real change after it', async (_, n) => {
    const id = await hired();
    const forged = event(
      'employees.employee.updated',
      id,
      employeeUpdatedData(id, n, zone('Europe/London', 'Asia/Tokyo')),
    );
    await streams.publish(forged);
    expect(await afterRealUpdate(id)).toMatchObject({ version: 2, timeZone: 'Europe/Paris' });
    expect(await deadLetters([forged.id])).toEqual([
      expect.objectContaining({
        reason: 'EVENT_INVALID',
        error: expect.stringMatching(/<= 2147483647/),
      }),
    ]);
  });

  it("refuses an employees event whose source is another domain's", async () => {
    const id = await hired();
    const forged = {
      ...event(
        'employees.employee.updated',
        id,
        employeeUpdatedData(id, 5, zone('Europe/London', 'Asia/Tokyo')),
      ),
      source: '/subgraphs/notifications',
    };
    await streams.publish(forged);
    expect(await afterRealUpdate(id)).toMatchObject({ version: 2, timeZone: 'Europe/Paris' });
    expect(await deadLetters([forged.id])).toEqual([
      expect.objectContaining({ reason: 'EVENT_INVALID', error: expect.stringMatching(/source/) }),
    ]);
  });

  it('refuses an entry that ends before it starts or outlasts the longest entry', async () => {
    const employeeId = await hired();
    const entry = (startTime: string, endTime: string) =>
      event('time.entry.recorded', employeeId, {
        ...entryData({ entryId: uuidv7(), employeeId, version: 1, startTime, endTime }),
      });
    const backwards = entry('2025-04-02T17:00:00Z', '2025-04-02T09:00:00Z');
    const century = entry('2025-04-01T00:00:00Z', '2125-04-01T00:00:00Z');
    const real = entry('2025-04-03T09:00:00Z', '2025-04-03T17:00:00Z');
    for (const e of [backwards, century, real]) await streams.publish(e);
    await waitFor(async () =>
      (await contributions(real.data.entryId as string)) > 0 ? true : undefined,
    );
    expect(await contributions(backwards.data.entryId as string)).toBe(0);
    expect(await contributions(century.data.entryId as string)).toBe(0);
    const letters = await deadLetters([backwards.id, century.id]);
    expect(letters.map(({ eventId, reason }) => ({ eventId, reason }))).toEqual([
      { eventId: backwards.id, reason: 'EVENT_INVALID' },
      { eventId: century.id, reason: 'EVENT_INVALID' },
    ]);
  });

  it("holds time's events to the longest entry time itself allows", () => {
    const contract = loadCatalogue().get('time.entry.recorded', 1)!;
    expect(contract.schema.period).toMatchObject({ maxMinutes: MAX_ENTRY_MINUTES });
  });
});
