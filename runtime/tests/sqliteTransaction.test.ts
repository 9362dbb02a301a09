import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { tableEntity } from '..';
import { ormPerTest } from '../../test-support/ormPerTest';
import { sqlShape } from '../../test-support/sqlShape';

const CounterSchema = tableEntity('Counter', 'counters', (p) => ({
  id: p.string().primary(),
  value: p.integer(),
}));

/** Transactions on SQLite, which the driver runs without knex's transaction objects. */
describe('a SQLite transaction', () => {
  const test = ormPerTest('counters', [CounterSchema]);
  let sent: { shape: string; txid?: string }[];
  beforeEach(() => {
    sent = [];
    const knex = (test.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    knex.on('query', (query: { sql: string; __knexTxId?: string }) =>
      sent.push({ shape: sqlShape(query.sql).replace(/\btrx\d+$/, 'trx'), txid: query.__knexTxId }),
    );
  });

  const values = async () =>
    (await test.orm.em.fork().find(CounterSchema, {}, { orderBy: { id: 'asc' } })).map(
      ({ id, value }) => [id, value],
    );
  const add = (em: EntityManager, id: string, value = 1) => em.insert(CounterSchema, { id, value });
  const failure = new Error('the work failed');

  it('commits its work, each statement sent in it and named by it', async () => {
    await test.orm.em.fork().transactional((em) => add(em as EntityManager, 'a'));
    expect(await values()).toEqual([['a', 1]]);
    const [begin, insert, commit] = sent;
    expect([begin, insert, commit].map((q) => q?.shape)).toEqual([
      'begin',
      'insert into counters (1 row)',
      'commit',
    ]);
    expect(insert?.txid).toMatch(/^trx\d+$/);
    expect([begin?.txid, commit?.txid]).toEqual([insert?.txid, insert?.txid]);
  });

  it('rolls its work back when the work throws, and the error is the work’s', async () => {
    const work = test.orm.em.fork().transactional(async (em) => {
      await add(em as EntityManager, 'a');
      throw failure;
    });
    await expect(work).rejects.toBe(failure);
    expect(await values()).toEqual([]);
    expect(sent.slice(0, 3).map((q) => q.shape)).toEqual([
      'begin',
      'insert into counters (1 row)',
      'rollback',
    ]);
  });

  it('undoes only a savepoint whose work throws', async () => {
    await test.orm.em.fork().transactional(async (em) => {
      await add(em as EntityManager, 'kept');
      await em.transactional((inner) => add(inner as EntityManager, 'also kept'));
      const undone = em.transactional(async (inner) => {
        await add(inner as EntityManager, 'undone');
        throw failure;
      });
      await expect(undone).rejects.toBe(failure);
    });
    expect(await values()).toEqual([
      ['also kept', 1],
      ['kept', 1],
    ]);
    expect(sent.slice(0, 9).map((q) => q.shape)).toEqual([
      'begin',
      'insert into counters (1 row)',
      'savepoint trx',
      'insert into counters (1 row)',
      'release savepoint trx',
      'savepoint trx',
      'insert into counters (1 row)',
      'rollback to savepoint trx',
      'commit',
    ]);
  });

  it('runs two transactions begun together one after the other', async () => {
    await test.orm.em.fork().insert(CounterSchema, { id: 'c', value: 0 });
    sent = [];
    // Each reads, waits a turn, then writes what it read plus one: interleaved, one add is lost.
    const increment = () =>
      test.orm.em.fork().transactional(async (em) => {
        const row = await em.findOneOrFail(CounterSchema, { id: 'c' });
        await new Promise(setImmediate);
        await em.nativeUpdate(CounterSchema, { id: 'c' }, { value: row.value + 1 });
      });
    await Promise.all([increment(), increment()]);
    expect(await values()).toEqual([['c', 2]]);
    const shapes = sent.slice(0, 8).map((q) => q.shape.split(' ')[0]);
    expect(shapes).toEqual([
      'begin',
      'select',
      'update',
      'commit',
      'begin',
      'select',
      'update',
      'commit',
    ]);
  });

  it('runs savepoints begun together one after the other', async () => {
    await test.orm.em.fork().transactional(async (em) => {
      await Promise.all(
        ['x', 'y'].map((id) =>
          em.transactional(async (inner) => {
            await add(inner as EntityManager, id);
            await new Promise(setImmediate);
          }),
        ),
      );
    });
    expect(sent.slice(0, 8).map((q) => q.shape.split(' ')[0])).toEqual([
      'begin',
      'savepoint',
      'insert',
      'release',
      'savepoint',
      'insert',
      'release',
      'commit',
    ]);
  });

  it('ends a transaction whose COMMIT failed, and the next one runs', async () => {
    const connection = test.orm.em.getConnection();
    await connection.execute('pragma foreign_keys = on');
    await connection.execute('create table parents (id text primary key)');
    await connection.execute(
      'create table children (id text primary key, ' +
        'parent_id text references parents (id) deferrable initially deferred)',
    );
    // A deferred foreign key is checked at COMMIT, which fails and leaves SQLite's transaction open.
    const orphan = test.orm.em
      .fork()
      .transactional((em) =>
        em
          .getConnection()
          .execute(
            "insert into children values ('c1', 'none')",
            [],
            'run',
            em.getTransactionContext(),
          ),
      );
    // Matched by message: in a Jest worker the driver's errors may come from an earlier suite's realm.
    await expect(orphan).rejects.toMatchObject({
      message: expect.stringMatching(/^COMMIT; - FOREIGN KEY constraint failed/),
    });
    await test.orm.em.fork().transactional((em) => add(em as EntityManager, 'after'));
    expect(await values()).toEqual([['after', 1]]);
    expect(await connection.execute('select count(*) as n from children')).toEqual([{ n: 0 }]);
  });

  it('answers statements outside any transaction while none is open', async () => {
    await test.orm.em.fork().transactional((em) => add(em as EntityManager, 'a'));
    sent = [];
    await values();
    expect(sent).toEqual([{ shape: expect.stringMatching(/^select /), txid: undefined }]);
  });
});
