import { EntitySchema } from '@mikro-orm/core';
import { Client } from 'pg';
import { openDatabase, targetFor } from '../src/database';
import { databasePerTest } from '../../test-support/suiteDatabase';

interface Note {
  id: string;
  text: string;
}
const NoteSchema = new EntitySchema<Note>({
  name: 'Note',
  tableName: 'notes',
  properties: { id: { type: 'string', primary: true }, text: { type: 'string' } },
});
interface NoteV2 extends Note {
  tag?: string;
}
const NoteV2Schema = new EntitySchema<NoteV2>({
  name: 'Note',
  tableName: 'notes',
  properties: {
    id: { type: 'string', primary: true },
    text: { type: 'string' },
    tag: { type: 'string', nullable: true },
  },
});

describe('openDatabase', () => {
  const db = databasePerTest();

  it('creates the tables at start and keeps rows when a later version adds a column', async () => {
    const first = await openDatabase({ target: db.target('notes'), entities: [NoteSchema] });
    const firstEm = first.em.fork();
    await firstEm.persistAndFlush(firstEm.create(NoteSchema, { id: 'n1', text: 'kept' }));
    await first.close();

    const second = await openDatabase({ target: db.target('notes'), entities: [NoteV2Schema] });
    const em = second.em.fork();
    await em.persistAndFlush(em.create(NoteV2Schema, { id: 'n2', text: 'new', tag: 't' }));
    const rows = await second.em.fork().find(NoteV2Schema, {}, { orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.text, r.tag ?? null])).toEqual([
      ['n1', 'kept', null],
      ['n2', 'new', 't'],
    ]);
    await second.close();
  });

  it('opens at most DATABASE_POOL_SIZE connections on PostgreSQL', async () => {
    if (!db.url) return; // SQLite has one connection per file, whatever the setting.
    const target = targetFor('pooled', {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: 3,
      DATA_DIR: db.dataDir,
    });
    const orm = await openDatabase({ target, entities: [NoteSchema] });
    const watcher = new Client({ connectionString: db.url });
    await watcher.connect();
    try {
      const sleeping = async () => {
        const { rows } = await watcher.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity where query like 'select pg_sleep(0.7)%'`,
        );
        return Number(rows[0]!.n);
      };
      const sleeps = Array.from({ length: 6 }, () =>
        orm.em.getConnection().execute('select pg_sleep(0.7)'),
      );
      let most = 0;
      let done = false;
      void Promise.all(sleeps).then(() => (done = true));
      while (!done) most = Math.max(most, await sleeping());
      expect(most).toBe(3);
    } finally {
      await watcher.end();
      await orm.close();
    }
  });
});
