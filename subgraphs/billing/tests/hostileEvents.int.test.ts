import { v7 as uuidv7 } from 'uuid';
import { createEvent, InboxEntry } from '../../../messaging';
import { deadLettersOf } from '../../../test-support/deadLettersOf';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { startSubgraph, type SubgraphHarness } from '../../../test-support/startSubgraph';
import { entryData } from '../../../test-support/timeEntryEvents';
import { waitFor } from '../../../test-support/waitFor';
import { createBilling } from '../src';

// Entries time would never record, sent through the real NATS to billing's ledger consumer:
// each is dead-lettered as invalid before costing splits it per day. The consumer applies
// events in order, so the real entry applied after them means they were settled.
describe('billing: forged time entries on the bus', () => {
  let streams: TestStreams;
  let h: SubgraphHarness;

  beforeAll(async () => {
    streams = await openTestStreams('billing-hostile');
    const { js, jsm } = streams.nats;
    h = await startSubgraph(createBilling(), {
      messaging: { js, jsm, namespace: streams.namespace },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await streams?.close();
  });

  const applied = (eventId: string) => h.runtime.orm.em.fork().count(InboxEntry, { eventId });

  it('refuses an entry that ends before it starts or outlasts the longest entry', async () => {
    const employeeId = uuidv7();
    const entry = (startTime: string, endTime: string) =>
      createEvent(
        {
          type: 'time.entry.recorded',
          subject: employeeId,
          data: entryData({ entryId: uuidv7(), employeeId, version: 1, startTime, endTime }),
        },
        { source: '/subgraphs/time', correlationId: uuidv7() },
      );
    const backwards = entry('2025-04-02T17:00:00Z', '2025-04-02T09:00:00Z');
    const century = entry('2025-04-01T00:00:00Z', '2125-04-01T00:00:00Z');
    const real = entry('2025-04-03T09:00:00Z', '2025-04-03T17:00:00Z');
    for (const e of [backwards, century, real]) await streams.publish(e);
    await waitFor(async () => ((await applied(real.id)) > 0 ? true : undefined));
    expect(await applied(backwards.id)).toBe(0);
    expect(await applied(century.id)).toBe(0);
    const letters = (await deadLettersOf(streams.nats, streams.namespace)).map(
      ({ eventId, reason }) => ({ eventId, reason }),
    );
    expect(letters).toEqual([
      { eventId: backwards.id, reason: 'EVENT_INVALID' },
      { eventId: century.id, reason: 'EVENT_INVALID' },
    ]);
  });
});
