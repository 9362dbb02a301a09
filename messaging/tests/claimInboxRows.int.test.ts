import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { InboxEntry } from '..';
import { claimInboxRows } from '../src/consumer/claimInboxRows';
import { suiteDb } from './support/database';
import { itOnPostgres } from '../../test-support/onPostgres';
import { sqlShape, type SentQuery } from '../../test-support/sqlShape';

describe('claimInboxRows', () => {
  const database = suiteDb('claim');
  beforeEach(() => database.orm.em.fork().nativeDelete(InboxEntry, {}));

  const claim = (ids: string[]) =>
    database.orm.em.fork().transactional((em) => claimInboxRows(em, 'c', ids));

  it('answers the events new to the consumer, each once however often the batch names it', async () => {
    expect(await claim(['a', 'b', 'a'])).toEqual(new Set(['a', 'b']));
    expect(await claim(['b', 'c'])).toEqual(new Set(['c']));
    expect(await claim(['a', 'c'])).toEqual(new Set());
    const rows = await database.orm.em.fork().find(InboxEntry, {}, { orderBy: { eventId: 'asc' } });
    expect(rows.map((row) => row.eventId)).toEqual(['a', 'b', 'c']);
  });

  it('claims a batch larger than one SQLite statement may hold', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `e${i}`);
    expect(await claim(ids.slice(0, 10))).toHaveProperty('size', 10);
    expect(await claim(ids)).toEqual(new Set(ids.slice(10)));
  });

  itOnPostgres('claims a batch on PostgreSQL in one statement, an array per column', async () => {
    const sent: string[] = [];
    const knex = (database.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const record = (query: SentQuery) => sent.push(sqlShape(query.sql));
    knex.on('query', record);
    const ids = Array.from({ length: 600 }, (_, i) => `e${i}`);
    try {
      expect(await claim(ids)).toHaveProperty('size', 600);
    } finally {
      knex.removeListener('query', record);
    }
    expect(sent).toEqual([
      'begin',
      'insert into inbox (consumer, event_id, processed_at) select * from ' +
        'unnest($1::varchar(100)[], $2::varchar(36)[], $3::timestamptz[]) ' +
        'on conflict (consumer, event_id) do nothing returning event_id as eventId',
      'commit',
    ]);
  });

  it('claims nothing for a consumer that another consumer already applied', async () => {
    await database.orm.em
      .fork()
      .transactional((em) => claimInboxRows(em as EntityManager, 'other', ['a']));
    expect(await claim(['a'])).toEqual(new Set(['a']));
  });

  /** A transaction that claims `ids`, then waits for `end` before it commits or rolls back. */
  async function holding(ids: string[], end: Promise<'commit' | 'rollback'>) {
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => (claimed = resolve));
    const done = database.orm.em
      .fork()
      .transactional(async (em) => {
        await claimInboxRows(em, 'c', ids);
        claimed();
        if ((await end) === 'rollback') throw new Error('rolled back');
      })
      .catch(() => undefined);
    await started;
    // Wrapped: an async function handing back a promise would wait for it.
    return { done };
  }

  /** Resolves once a statement of this database waits for a lock (the second claim). */
  async function someoneWaits() {
    const waiting = () =>
      database.orm.em
        .getConnection()
        .execute<{ n: string }[]>(
          "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' " +
            'and datname = current_database()',
        );
    while (Number((await waiting())[0]!.n) === 0) await new Promise((r) => setImmediate(r));
  }

  itOnPostgres.each([
    ['leaves out what a concurrent transaction claimed and committed', 'commit', ['c']],
    ['claims what a concurrent transaction claimed and rolled back', 'rollback', ['b', 'c']],
  ] as const)('%s', async (_name, how, left) => {
    let end!: (how: 'commit' | 'rollback') => void;
    const first = await holding(['a', 'b'], new Promise((resolve) => (end = resolve)));
    const second = claim(['b', 'c']);
    await someoneWaits();
    end(how);
    await first.done;
    expect(await second).toEqual(new Set(left));
  });
});
