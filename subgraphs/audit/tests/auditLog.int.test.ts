import { isPostgres } from '../../../runtime';
import { appendEvent, verifyChain } from '../src';
import { GENESIS_HASH, hashEntry } from '../src/hashEntry';
import { AuditEntrySchema } from '../src/entities';
import { auditTable, openAuditDatabase, rawSql, useAuditDatabase } from './db';
import { eventSeries, intactChain, makeEvent } from './support';

const start = new Date('2025-01-01T00:00:00Z');

describe('audit log chain', () => {
  const suite = useAuditDatabase();

  const entries = () => suite.orm.em.fork().find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } });

  it('appends entries in sequence, each linked to the one before', async () => {
    for (const event of eventSeries(3, start)) await appendEvent(suite.orm.em, event);
    const rows = await entries();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    for (const row of rows) expect(hashEntry(row)).toBe(row.hash);
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(3));
  });

  it('keeps one entry for an event appended twice', async () => {
    const event = makeEvent();
    const first = await appendEvent(suite.orm.em, event);
    const second = await appendEvent(suite.orm.em, event);
    expect(second.id).toBe(first.id);
    expect(await suite.orm.em.fork().count(AuditEntrySchema, {})).toBe(1);
  });

  it('refuses a second row for one event even when written past the check', async () => {
    const event = makeEvent();
    const entry = await appendEvent(suite.orm.em, event);
    const em = suite.orm.em.fork();
    const copy = { ...entry, id: 'other', seq: 99 };
    await expect(em.persistAndFlush(em.create(AuditEntrySchema, copy))).rejects.toThrow(/unique/i);
  });

  it('finds the row whose values were changed in the database', async () => {
    for (const event of eventSeries(5, start)) await appendEvent(suite.orm.em, event);
    const rows = await entries();
    await rawSql(suite.orm, `update ${auditTable(suite.orm)} set new_values = ? where id = ?`, [
      JSON.stringify({ firstName: 'Mallory' }),
      rows[2].id,
    ]);
    expect(await verifyChain(suite.orm.em)).toEqual({
      valid: false,
      checked: 3,
      firstInvalidId: rows[2].id,
      chains: 1,
    });
  });

  it('finds a row deleted from the middle of the chain', async () => {
    for (const event of eventSeries(4, start)) await appendEvent(suite.orm.em, event);
    const rows = await entries();
    await rawSql(suite.orm, `delete from ${auditTable(suite.orm)} where id = ?`, [rows[1].id]);
    const result = await verifyChain(suite.orm.em);
    expect(result).toMatchObject({ valid: false, firstInvalidId: rows[2].id });
  });

  it('finds a hash rewritten to match changed values, at the entry after it', async () => {
    for (const event of eventSeries(3, start)) await appendEvent(suite.orm.em, event);
    const rows = await entries();
    const forged = { ...rows[1], actorId: 'someone-else' };
    await rawSql(
      suite.orm,
      `update ${auditTable(suite.orm)} set actor_id = ?, hash = ? where id = ?`,
      [forged.actorId, hashEntry(forged), rows[1].id],
    );
    expect(await verifyChain(suite.orm.em)).toMatchObject({
      valid: false,
      firstInvalidId: rows[2].id,
    });
  });

  it('verifies the entries of a time range', async () => {
    for (const event of eventSeries(10, start)) await appendEvent(suite.orm.em, event);
    const from = new Date(start.getTime() + 3 * 60_000);
    const to = new Date(start.getTime() + 6 * 60_000);
    expect(await verifyChain(suite.orm.em, { from, to })).toEqual(intactChain(4));
  });

  it('verifies a log larger than one batch, and finds tampering in a later batch', async () => {
    for (const event of eventSeries(120, start)) await appendEvent(suite.orm.em, event);
    expect(await verifyChain(suite.orm.em, {}, 50)).toEqual(intactChain(120));
    const [victim] = await suite.orm.em.fork().find(AuditEntrySchema, { seq: 101 });
    await rawSql(suite.orm, `update ${auditTable(suite.orm)} set action = ? where id = ?`, [
      'DELETE',
      victim.id,
    ]);
    expect(await verifyChain(suite.orm.em, {}, 50)).toEqual({
      valid: false,
      checked: 101,
      firstInvalidId: victim.id,
      chains: 1,
    });
  });

  it('never forks a chain under concurrent appends', async () => {
    // Two replicas on PostgreSQL; on SQLite one process is the single writer.
    const other = isPostgres(suite.orm) ? await openAuditDatabase(suite.db) : suite.orm;
    try {
      const events = eventSeries(40, start);
      await Promise.all(events.map((e, i) => appendEvent((i % 2 ? other : suite.orm).em, e)));
      const rows = await entries();
      const chains = new Map<number, number[]>();
      for (const row of rows) chains.set(row.chain, [...(chains.get(row.chain) ?? []), row.seq]);
      // Each chain is numbered from 1 without a gap: nothing forked or went missing.
      for (const seqs of chains.values())
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(rows).toHaveLength(40);
      expect(await verifyChain(suite.orm.em)).toEqual(intactChain(40, chains.size));
    } finally {
      if (other !== suite.orm) await other.close();
    }
  });
});
