import type { MikroORM } from '@mikro-orm/core';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database';
import { appendEntry, verifyChain } from '../src';
import { appendEntries } from '../src/appendEntry';
import { AuditEntrySchema } from '../src/entities';
import { eventToEntry } from '../src/eventToEntry';
import { openAuditDatabase } from './db';
import { eventSeries } from './support';

/** What an entry says and where it stands; its id, time of writing and hashes are its own. */
async function logOf(orm: MikroORM) {
  const rows = await orm.em.fork().find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } });
  const own = new Set(['id', 'recordedAt', 'prevHash', 'hash']);
  return rows.map((row) => Object.entries(row).filter(([key]) => !own.has(key)));
}

describe('appending audit entries in batches', () => {
  let db: TestDatabase;
  let oneByOne: MikroORM;
  let batched: MikroORM;
  const drafts = eventSeries(8, new Date('2025-01-01T00:00:00Z')).map(eventToEntry);

  beforeAll(async () => {
    db = await createTestDatabase();
    oneByOne = await openAuditDatabase(db, 'audit_one');
    batched = await openAuditDatabase(db, 'audit_batched');
  });
  afterAll(async () => {
    await oneByOne?.close();
    await batched?.close();
    await db?.drop();
  });

  it('writes the chain that one entry at a time writes, for any batches and repeats', async () => {
    const property = fc.asyncProperty(
      fc.array(fc.nat({ max: drafts.length - 1 }), { minLength: 1, maxLength: 24 }),
      fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 24 }),
      async (order, sizes) => {
        await oneByOne.em.fork().nativeDelete(AuditEntrySchema, {});
        await batched.em.fork().nativeDelete(AuditEntrySchema, {});
        const appended = order.map((n) => drafts[n]!);
        const expected = [];
        for (const draft of appended) {
          expected.push(await oneByOne.em.fork().transactional((tx) => appendEntry(tx, draft)));
        }
        const answered = [];
        for (let at = 0, i = 0; at < appended.length; i++) {
          const batch = appended.slice(at, at + sizes[i % sizes.length]!);
          answered.push(
            ...(await batched.em.fork().transactional((tx) => appendEntries(tx, batch))),
          );
          at += batch.length;
        }
        expect(answered.map((entry) => [entry.seq, entry.eventId])).toEqual(
          expected.map((entry) => [entry.seq, entry.eventId]),
        );
        expect(await logOf(batched)).toEqual(await logOf(oneByOne));
        expect(await verifyChain(batched.em)).toMatchObject({ valid: true });
      },
    );
    await fc.assert(property, { numRuns: 30 });
  }, 120_000);

  it('stores a batch larger than one insert statement takes, every entry in order', async () => {
    await batched.em.fork().nativeDelete(AuditEntrySchema, {});
    const many = eventSeries(450, new Date('2025-02-01T00:00:00Z')).map(eventToEntry);
    await batched.em.fork().transactional((tx) => appendEntries(tx, many));
    const rows = await batched.em.fork().find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } });
    expect(rows.map((row) => [row.seq, row.eventId])).toEqual(
      many.map((draft, i) => [i + 1, draft.eventId]),
    );
    expect(await verifyChain(batched.em)).toMatchObject({ valid: true });
  });
});
