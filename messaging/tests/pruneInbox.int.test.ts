import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { firstEventIdAt, InboxEntry, pruneInbox } from '..';
import { openTestOrm } from '../../test-support/openTestOrm';
import { suiteHarness } from '../../test-support/suiteHarness';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-30T12:00:00Z');
/** The id of an event made `days` before NOW. */
const madeDaysAgo = (days: number) => uuidv7({ msecs: NOW - days * DAY });

describe('firstEventIdAt', () => {
  it('sorts below every event made at that instant or later, above every one made before', () => {
    const at = new Date(NOW);
    const bound = firstEventIdAt(at);
    // 2026-06-30T12:00:00Z is 1,782,820,800,000 ms: 0x019f18668600.
    expect(bound).toBe('019f1866-8600-7000-8000-000000000000');
    const before = Array.from({ length: 50 }, () => uuidv7({ msecs: NOW - 1 }));
    const after = Array.from({ length: 50 }, (_, i) => uuidv7({ msecs: NOW + i }));
    expect(before.every((id) => id < bound)).toBe(true);
    expect(after.every((id) => id >= bound)).toBe(true);
  });
});

describe('pruneInbox', () => {
  const h = suiteHarness(async () => {
    const opened = await openTestOrm('prune_inbox', [InboxEntry]);
    return { ...opened, stop: () => opened.close() };
  });
  const em = () => h.orm.em.fork() as EntityManager;
  const ids = { old: madeDaysAgo(40), older: madeDaysAgo(35), recent: madeDaysAgo(10) };

  beforeEach(async () => {
    const rows = ['time_a', 'time_b', 'other_c'].flatMap((consumer) =>
      Object.values(ids).map((eventId) => ({ consumer, eventId, processedAt: new Date(NOW) })),
    );
    await em().nativeDelete(InboxEntry, {});
    await em().insertMany(InboxEntry, rows);
  });
  const left = async () =>
    (await em().find(InboxEntry, {}, { orderBy: { consumer: 'asc', eventId: 'asc' } })).map(
      (row) => `${row.consumer} ${row.eventId}`,
    );

  it("deletes the named consumers' rows of events made before the cutoff, and no others", async () => {
    const cutoff = new Date(NOW - 30 * DAY);
    expect(await pruneInbox(em(), ['time_a', 'time_b'], cutoff, 100)).toBe(4);
    expect(await left()).toEqual([
      ...Object.values(ids)
        .sort()
        .map((id) => `other_c ${id}`),
      `time_a ${ids.recent}`,
      `time_b ${ids.recent}`,
    ]);
    // Nothing more to do: a second run deletes nothing.
    expect(await pruneInbox(em(), ['time_a', 'time_b'], cutoff, 100)).toBe(0);
  });

  it('deletes at most `limit` rows a run, the oldest of each consumer in turn first', async () => {
    const cutoff = new Date(NOW - 30 * DAY);
    expect(await pruneInbox(em(), ['time_a', 'time_b'], cutoff, 3)).toBe(3);
    const remaining = await left();
    expect(remaining).not.toContain(`time_a ${ids.old}`);
    expect(remaining).not.toContain(`time_a ${ids.older}`);
    expect(remaining).not.toContain(`time_b ${ids.old}`);
    expect(remaining).toContain(`time_b ${ids.older}`);
    expect(remaining).toHaveLength(6);
  });
});
