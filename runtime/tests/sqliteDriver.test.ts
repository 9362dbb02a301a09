import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntitySchema, UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { openDatabase } from '..';
import { sqliteBindings } from '../src/sqliteDriver';

interface Shift {
  id: string;
  minutes: number;
  rate: number;
  startsAt: Date;
  paid: boolean;
  note: string | null;
  tags: string[];
}
const ShiftSchema = new EntitySchema<Shift>({
  name: 'Shift',
  tableName: 'shifts',
  properties: {
    id: { type: 'string', primary: true },
    minutes: { type: 'integer' },
    rate: { type: 'double' },
    startsAt: { type: 'Date' },
    paid: { type: 'boolean' },
    note: { type: 'string', nullable: true },
    tags: { type: 'json' },
  },
});

describe('sqliteBindings', () => {
  it('binds values as SQLite reads the literals MikroORM would write', () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    expect(sqliteBindings('? ? ? ? ? ? ?', ['a', 7, 1.5, true, false, null, at])).toEqual([
      'a',
      7n,
      1.5,
      true,
      false,
      null,
      BigInt(at.getTime()),
    ]);
  });

  it('leaves to MikroORM what it must write itself', () => {
    expect(sqliteBindings('select ??', ['name'])).toBeUndefined();
    expect(sqliteBindings('select \\?, ?', [1])).toBeUndefined();
    expect(sqliteBindings('in (?)', [[1, 2]])).toBeUndefined();
    expect(sqliteBindings('?', [{ a: 1 }])).toBeUndefined();
    expect(sqliteBindings('?', [Number.NaN])).toBeUndefined();
    expect(sqliteBindings('? ?', [1])).toBeUndefined();
  });
});

describe('the SQLite driver', () => {
  let dir: string;
  let orm: MikroORM;
  let sent: { sql: string; bindings: unknown[] }[];
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-driver-'));
    orm = await openDatabase({
      target: { kind: 'sqlite', file: path.join(dir, 'shifts.sqlite') },
      entities: [ShiftSchema],
    });
    sent = [];
    const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
    knex.on('query', (query: { sql: string; bindings: unknown[] }) => sent.push(query));
  });
  afterEach(async () => {
    await orm.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const shift = (id: string, minutes: number): Shift => ({
    ...{ id, minutes, rate: 12.5, startsAt: new Date('2026-12-03T08:00:00Z') },
    ...{ paid: true, note: null, tags: ['night'] },
  });

  it('sends one SQL text for the same statement about different rows', async () => {
    const em = orm.em.fork();
    em.persist([em.create(ShiftSchema, shift('s1', 60)), em.create(ShiftSchema, shift('s2', 90))]);
    await em.flush();
    sent = [];
    await orm.em.fork().findOne(ShiftSchema, { id: 's1' });
    await orm.em.fork().findOne(ShiftSchema, { id: 's2' });
    expect(sent.map((q) => q.sql)).toEqual([
      'select `s0`.* from `shifts` as `s0` where `s0`.`id` = ? limit ?',
      'select `s0`.* from `shifts` as `s0` where `s0`.`id` = ? limit ?',
    ]);
    expect(sent.map((q) => q.bindings[0])).toEqual(['s1', 's2']);
  });

  it('stores and reads back every kind of value as written literals did', async () => {
    const em = orm.em.fork();
    await em.persistAndFlush(em.create(ShiftSchema, shift('s1', 60)));
    const row = await orm.em.fork().findOneOrFail(ShiftSchema, { id: 's1', paid: true });
    expect(row).toMatchObject(shift('s1', 60));
    const stored = await orm.em
      .getConnection()
      .execute(
        'select typeof(minutes) as minutes, typeof(rate) as rate, typeof(starts_at) as startsAt, ' +
          'typeof(paid) as paid, typeof(note) as note, typeof(tags) as tags from shifts',
      );
    expect(stored).toEqual([
      {
        ...{ minutes: 'integer', rate: 'real', startsAt: 'integer' },
        ...{ paid: 'integer', note: 'null', tags: 'text' },
      },
    ]);
    // A number written where text is kept stays '60', as the literal did, not '60.0'.
    await orm.em.getConnection().execute('update shifts set note = ? where id = ?', [60, 's1']);
    expect(await orm.em.getConnection().execute('select note from shifts')).toEqual([
      { note: '60' },
    ]);
  });

  it('still writes what cannot be bound into the SQL, as MikroORM does', async () => {
    const em = orm.em.fork();
    await em.persistAndFlush(em.create(ShiftSchema, shift('s1', 60)));
    const rows = await orm.em
      .getConnection()
      .execute('select id from shifts where id in (?) and ?? = ?', [['s1', 's2'], 'minutes', 60]);
    expect(rows).toEqual([{ id: 's1' }]);
  });

  it('runs a statement in its transaction, and refuses one after the transaction ended', async () => {
    let ended!: Knex.Transaction;
    await orm.em.fork().transactional(async (em) => {
      await em.persistAndFlush(em.create(ShiftSchema, shift('s1', 60)));
      ended = em.getTransactionContext<Knex.Transaction>()!;
      const inside = await em
        .getConnection()
        .execute('select count(*) as n from shifts where minutes = ?', [60], 'get', ended);
      expect(inside).toEqual({ n: 1 });
    });
    const late = orm.em.getConnection().execute('select 1 where 1 = ?', [1], 'all', ended);
    await expect(late).rejects.toThrow('Transaction query already complete');
  });

  it('reports a failed statement as SQLite did, its values left out', async () => {
    const em = orm.em.fork();
    await em.persistAndFlush(em.create(ShiftSchema, shift('s1', 60)));
    const again = orm.em.fork();
    const failure = again.persistAndFlush(again.create(ShiftSchema, shift('s1', 61)));
    await expect(failure).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    await expect(failure).rejects.toThrow(/UNIQUE constraint failed: shifts.id/);
    await expect(failure).rejects.not.toThrow(/61/);
  });
});
