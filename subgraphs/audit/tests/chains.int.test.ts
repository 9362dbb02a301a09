import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '../../../messaging';
import { audit, verifyChain } from '../src';
import { appendEntries } from '../src/appendEntry';
import { AuditEntrySchema } from '../src/entities';
import { eventToEntry } from '../src/eventToEntry';
import { auditTable, rawSql, useAuditDatabase } from './db';
import { eventSeries, intactChain } from './support';
import { describeOnPostgres } from '../../../test-support/onPostgres';

// Appenders running at once each extend a chain of their own; only PostgreSQL runs two
// writing transactions side by side.
const DAY = 24 * 3600_000;

describeOnPostgres('audit log chains', () => {
  const suite = useAuditDatabase();

  const append = (em: EntityManager, events: EventEnvelope[]) =>
    appendEntries(em, events.map(eventToEntry));

  /**
   * Appends `first` in a transaction that stays open until `second` has been appended and
   * committed in another: with one lock for the whole log the second would wait for ever.
   */
  async function appendSideBySide(first: EventEnvelope[], second: EventEnvelope[]) {
    let secondDone!: () => void;
    const done = new Promise<void>((resolve) => (secondDone = resolve));
    let firstHeld!: () => void;
    const held = new Promise<void>((resolve) => (firstHeld = resolve));
    const holding = suite.orm.em.fork().transactional(async (tx) => {
      await append(tx, first);
      firstHeld();
      await done;
    });
    await held;
    await suite.orm.em.fork().transactional((tx) => append(tx, second));
    secondDone();
    await holding;
  }

  const entries = () =>
    suite.orm.em.fork().find(AuditEntrySchema, {}, { orderBy: [{ chain: 'asc' }, { seq: 'asc' }] });
  /** Where each entry stands, as `chain:seq`, in chain order. */
  const positions = async () => (await entries()).map((r) => `${r.chain}:${r.seq}`);

  it('lets two transactions append at once, each on a chain of its own', async () => {
    const start = new Date('2025-03-01T00:00:00Z');
    await appendSideBySide(eventSeries(3, start), eventSeries(2, start));
    expect(await positions()).toEqual(['0:1', '0:2', '0:3', '1:1', '1:2']);
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(5, 2));
    // A lone appender afterwards goes on with chain 0.
    await suite.orm.em.fork().transactional((tx) => append(tx, eventSeries(1, start)));
    expect((await entries()).filter((r) => r.chain === 0)).toHaveLength(4);
  });

  it('finds a change in any chain, and an entry moved to another chain', async () => {
    const start = new Date('2025-03-01T00:00:00Z');
    await appendSideBySide(eventSeries(3, start), eventSeries(3, start));
    const rows = await entries();
    const [, second] = rows.filter((r) => r.chain === 1);
    await rawSql(suite.orm, `update ${auditTable(suite.orm)} set action = ? where id = ?`, [
      'DELETE',
      second!.id,
    ]);
    expect(await verifyChain(suite.orm.em)).toMatchObject({
      valid: false,
      firstInvalidId: second!.id,
    });

    await rawSql(suite.orm, `update ${auditTable(suite.orm)} set action = ? where id = ?`, [
      second!.action,
      second!.id,
    ]);
    expect(await verifyChain(suite.orm.em)).toMatchObject({ valid: true });
    // The last entry of chain 1 passed off as the fourth of chain 0: its hash binds its chain.
    const last = rows.filter((r) => r.chain === 1).at(-1)!;
    await rawSql(suite.orm, `update ${auditTable(suite.orm)} set chain = 0, seq = 4 where id = ?`, [
      last.id,
    ]);
    expect(await verifyChain(suite.orm.em)).toMatchObject({
      valid: false,
      firstInvalidId: last.id,
    });
  });

  it('purges the expired head of every chain, and each chain stays whole', async () => {
    const old = new Date(Date.now() - 800 * DAY);
    await appendSideBySide(eventSeries(4, old), eventSeries(3, old));
    const recent = new Date(Date.now() - 30 * DAY);
    await appendSideBySide(eventSeries(2, recent), eventSeries(2, recent));

    const result = await audit.retention.purgeExpired(suite.orm, {
      before: new Date(Date.now() - 400 * DAY),
    });
    expect(result.deleted).toBe(7);
    expect(await positions()).toEqual(['0:5', '0:6', '1:4', '1:5']);
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(4, 2));
  });
});
