import { EntitySchema } from '@mikro-orm/core';
import { insertNewRows, insertRows, queryBound, upsertRows } from '..';
import { suiteHarness } from '../../test-support/suiteHarness';
import { openTestOrm } from '../../test-support/openTestOrm';

interface Sample {
  id: string;
  label: string;
  count: number;
  rate: number;
  done: boolean;
  at: Date;
  note: string | null;
  tags: string[];
  totals: Record<string, number>;
}

const SampleSchema = new EntitySchema<Sample>({
  name: 'Sample',
  tableName: 'samples',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    label: { type: 'text' },
    count: { type: 'integer' },
    rate: { type: 'double' },
    done: { type: 'boolean' },
    at: { type: 'datetime' },
    note: { type: 'string', length: 100, nullable: true },
    tags: { type: 'json' },
    totals: { type: 'json' },
  },
});

/** Values that quoting, array literals or JSON could get wrong. */
const sample = (i: number, prefix: string): Sample => ({
  id: `${prefix}-${String(i).padStart(5, '0')}`,
  label: [`plain ${i}`, `quote ' and "double"`, 'back\\slash, {brace}', 'NULL', '?', ''][i % 6],
  count: i * 7 - 3,
  rate: i / 8,
  done: i % 2 === 0,
  at: new Date(Date.UTC(2026, 11, 3, 8, 0, 0, i)),
  note: i % 3 === 0 ? null : `note ${i}`,
  tags: i % 4 === 0 ? [] : ['night', `t"${i}`],
  totals: { ANNUAL: i, ['we"ird']: 0.5 },
});

describe('insertRows', () => {
  const db = suiteHarness(async () => {
    const opened = await openTestOrm('insert_rows', [SampleSchema]);
    return { ...opened, stop: () => opened.close() };
  });
  beforeEach(() => db.orm.em.fork().nativeDelete(SampleSchema, {}));

  const stored = async (prefix: string) => {
    const em = db.orm.em.fork();
    const schema = em.config.get('schema');
    const table = schema ? `"${schema}"."samples"` : '"samples"';
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(`select * from ${table} where id like ? order by id`, [
        `${prefix}-%`,
      ]);
    return rows.map(({ id, ...columns }: Record<string, unknown>) => ({
      n: String(id).slice(prefix.length),
      ...columns,
    }));
  };

  it('stores every column as the unit of work does, across statements', async () => {
    const count = 1201;
    const viaOrm = Array.from({ length: count }, (_, i) => sample(i, 'orm'));
    const direct = Array.from({ length: count }, (_, i) => sample(i, 'raw'));
    const em = db.orm.em.fork();
    em.persist(viaOrm.map((row) => em.create(SampleSchema, row)));
    await em.flush();
    await db.orm.em.fork().transactional((tx) => insertRows(tx, SampleSchema, direct));

    expect(await stored('raw')).toEqual(await stored('orm'));
    const read = await db.orm.em.fork().find(
      SampleSchema,
      { id: { $like: 'raw-%' } },
      {
        orderBy: { id: 'asc' },
      },
    );
    expect(read.map((row) => ({ ...row }))).toEqual(direct);
  });

  it('commits with the transaction, or not at all', async () => {
    const failing = db.orm.em.fork().transactional(async (tx) => {
      await insertRows(tx, SampleSchema, [sample(1, 'gone')]);
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await db.orm.em.fork().count(SampleSchema, {})).toBe(0);
  });

  it('does nothing for no rows', async () => {
    await db.orm.em.fork().transactional((tx) => insertRows(tx, SampleSchema, []));
    expect(await db.orm.em.fork().count(SampleSchema, {})).toBe(0);
  });

  describe('upsertRows', () => {
    /** Every column but the key changed, null made a value and a value made null. */
    const changed = (row: Sample, i: number): Sample => ({
      ...sample(i + 1, 'x'),
      id: row.id,
      note: row.note === null ? 'now set' : null,
    });

    it('stores new rows and replaces stored ones whole, across statements', async () => {
      const count = 1201;
      const before = Array.from({ length: count }, (_, i) => sample(i, 'up'));
      await db.orm.em.fork().transactional((tx) => insertRows(tx, SampleSchema, before));
      // Every other stored row changes; as many new rows come with them.
      const after = [
        ...before.filter((_, i) => i % 2 === 0).map(changed),
        ...Array.from({ length: count }, (_, i) => sample(count + i, 'up')),
      ];
      await db.orm.em.fork().transactional((tx) => upsertRows(tx, SampleSchema, after));

      const expected = [...after, ...before.filter((_, i) => i % 2 === 1)];
      const viaOrm = db.orm.em.fork();
      viaOrm.persist(
        expected.map((row) => viaOrm.create(SampleSchema, { ...row, id: `orm${row.id.slice(2)}` })),
      );
      await viaOrm.flush();
      expect(await stored('up')).toEqual(await stored('orm'));
    });

    it('commits with the transaction, or not at all', async () => {
      const first = [sample(1, 'up'), sample(1, 'was')];
      await db.orm.em.fork().transactional((tx) => insertRows(tx, SampleSchema, first));
      const failing = db.orm.em.fork().transactional(async (tx) => {
        await upsertRows(tx, SampleSchema, [changed(sample(1, 'up'), 1), sample(2, 'up')]);
        throw new Error('the change failed');
      });
      await expect(failing).rejects.toThrow('the change failed');
      expect(await stored('up')).toEqual(await stored('was'));
    });
  });

  describe('insertNewRows', () => {
    it('stores the rows whose keys are new and keeps the stored ones as they were, across statements', async () => {
      const count = 1201;
      const before = Array.from({ length: count }, (_, i) => sample(i, 'nw'));
      await db.orm.em.fork().transactional((tx) => insertRows(tx, SampleSchema, before));
      // Every other stored key comes again with other values, beside as many new rows.
      const again = before
        .filter((_, i) => i % 2 === 0)
        .map((row, i) => ({ ...sample(i + 7, 'x'), id: row.id }));
      const fresh = Array.from({ length: count }, (_, i) => sample(count + i, 'nw'));
      await db.orm.em
        .fork()
        .transactional((tx) => insertNewRows(tx, SampleSchema, [...again, ...fresh]));

      const viaOrm = db.orm.em.fork();
      viaOrm.persist(
        [...before, ...fresh].map((row) =>
          viaOrm.create(SampleSchema, { ...row, id: `orm${row.id.slice(2)}` }),
        ),
      );
      await viaOrm.flush();
      expect(await stored('nw')).toEqual(await stored('orm'));
    });
  });

  describe('queryBound', () => {
    it('answers the rows a statement returns, its values bound', async () => {
      const em = db.orm.em.fork();
      await insertRows(em, SampleSchema, [sample(1, 'qb'), sample(2, 'qb')]);
      const table = em.config.get('schema') ? `"${em.config.get('schema')}"."samples"` : 'samples';
      const rows = await queryBound<{ id: string; count: number }>(
        em,
        `update ${table} set count = count + ? where id = ? returning id, count`,
        [100, 'qb-00002'],
      );
      expect(rows.map((row) => ({ ...row, count: Number(row.count) }))).toEqual([
        { id: 'qb-00002', count: 111 },
      ]);
    });
  });
});
