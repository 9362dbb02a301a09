import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntitySchema } from '@mikro-orm/core';
import { openDatabase } from '..';
import { cacheStatements } from '../src/cacheStatements';

/** A connection that prepares a fresh object for every call, and counts the calls. */
function countingDb() {
  const db = { prepared: [] as string[], prepare: (sql: string): unknown => sql };
  db.prepare = (sql: string) => {
    db.prepared.push(sql);
    return { sql };
  };
  return db;
}

const Thing = new EntitySchema<{ id: number }>({
  name: 'Thing',
  properties: { id: { type: 'integer', primary: true } },
});

describe('cacheStatements', () => {
  it('prepares each SQL text once and hands back that statement after', () => {
    const db = countingDb();
    cacheStatements(db);
    const first = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(first);
    expect(db.prepare('select 2')).not.toBe(first);
    expect(db.prepared).toEqual(['select 1', 'select 2']);
  });

  it('forgets the least recently used statement beyond its size', () => {
    const db = countingDb();
    cacheStatements(db, 2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('answers from a SQLite table as it is after a change to its columns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statements-'));
    const orm = await openDatabase({
      target: { kind: 'sqlite', file: path.join(dir, 'things.sqlite') },
      entities: [Thing],
    });
    try {
      const connection = orm.em.getConnection();
      await connection.execute('insert into thing (id) values (1)');
      expect(await connection.execute('select * from thing')).toEqual([{ id: 1 }]);
      await connection.execute('alter table thing add column note text');
      expect(await connection.execute('select * from thing')).toEqual([{ id: 1, note: null }]);
    } finally {
      await orm.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
