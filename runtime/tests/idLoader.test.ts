import { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { idLoader } from '../index';

interface Row {
  id: string;
  name: string;
}

const RowSchema = new EntitySchema<Row>({
  name: 'Row',
  properties: { id: { type: 'string', primary: true }, name: { type: 'string' } },
});

describe('idLoader', () => {
  it('reads every id of a batch in one query and hands back each row, null where none', async () => {
    const rows: Row[] = [
      { id: 'b', name: 'Bea' },
      { id: 'a', name: 'Ada' },
    ];
    const reads: unknown[] = [];
    const em = {
      find: async (schema: unknown, where: { id: { $in: string[] } }) => {
        reads.push([schema, where]);
        return rows.filter((row) => where.id.$in.includes(row.id));
      },
    } as unknown as EntityManager;
    const loader = idLoader(em, RowSchema);
    const found = await Promise.all(['a', 'c', 'b'].map((id) => loader.load(id)));
    expect(found).toEqual([rows[1], null, rows[0]]);
    expect(reads).toEqual([[RowSchema, { id: { $in: ['a', 'c', 'b'] } }]]);
  });
});
