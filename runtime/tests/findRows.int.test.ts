import type { InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { findById, findIn } from '../src/findRows';
import { uuidEntity } from '../src/uuidEntity';
import { ormPerTest } from '../../test-support/ormPerTest';
import { sentQueries } from '../../test-support/sqlShape';

const NoteSchema = uuidEntity('FindNote', 'find_notes', (p) => ({
  title: p.string().length(100),
  pinned: p.boolean(),
  tags: p.json<string[]>(),
  count: p.integer(),
  createdAt: p.datetime(),
  readAt: p.datetime().nullable(),
}));
type Note = InferEntity<typeof NoteSchema>;

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const note = (id: string, title: string): Note => ({
  id,
  title,
  pinned: true,
  tags: ['x', 'y'],
  count: 3,
  createdAt: new Date('2026-03-01T08:30:00.123Z'),
  readAt: null,
});

describe('findById', () => {
  const test = ormPerTest('find_by_id', [NoteSchema]);
  const em = () => test.orm.em.fork() as EntityManager;

  const sent = (run: () => Promise<unknown>) => sentQueries(em(), run);

  beforeEach(async () => {
    const fork = em();
    fork.create(NoteSchema, note(A, 'first'));
    fork.create(NoteSchema, note(B, 'second'));
    await fork.flush();
  });

  it('gives the row as findOne does, every column read back as its type', async () => {
    const found = await findById(em(), NoteSchema, A);
    expect(found).toEqual(await em().findOne(NoteSchema, { id: A }));
    expect(found).toEqual(note(A, 'first'));
    expect(found!.createdAt).toBeInstanceOf(Date);
    expect(await findById(em(), NoteSchema, '01900000-0000-7000-8000-0000000000ff')).toBeNull();
  });

  it('gives a managed row: a change to it is flushed', async () => {
    const fork = em();
    const found = await findById(fork, NoteSchema, A);
    found!.title = 'changed';
    await fork.flush();
    expect(await em().findOne(NoteSchema, { id: A })).toMatchObject({ title: 'changed' });
  });

  it('sends nothing for a row the manager holds', async () => {
    const fork = em();
    const held = await fork.findOneOrFail(NoteSchema, { id: A });
    const queries = await sent(async () => {
      expect(await findById(fork, NoteSchema, A)).toBe(held);
    });
    expect(queries).toEqual([]);
  });

  it('flushes first, as findOne does, while the manager holds changes of the table', async () => {
    const fork = em();
    const held = await fork.findOneOrFail(NoteSchema, { id: A });
    held.title = 'changed before the read';
    fork.remove(await fork.findOneOrFail(NoteSchema, { id: B }));
    expect(await findById(fork, NoteSchema, A)).toBe(held);
    expect(await em().findOne(NoteSchema, { id: A })).toMatchObject({
      title: 'changed before the read',
    });
    expect(await em().findOne(NoteSchema, { id: B })).toBeNull();
  });

  it('sends one statement text whatever the id, the id bound rather than written in', async () => {
    const queries = await sent(async () => {
      await findById(em(), NoteSchema, A);
      await findById(em(), NoteSchema, B);
    });
    expect(queries.map((query) => query.bindings)).toEqual([[A], [B]]);
    expect(queries[1]!.sql).toBe(queries[0]!.sql);
    expect(queries[0]!.sql).not.toContain(A);
  });

  it('reads inside the transaction it is given', async () => {
    const C = '01900000-0000-7000-8000-00000000000c';
    await em().transactional(async (tx) => {
      // Inserted without the identity map: only a read in the transaction can see it.
      await tx.insert(NoteSchema, note(C, 'not yet committed'));
      expect(await findById(tx, NoteSchema, C)).toMatchObject({ title: 'not yet committed' });
    });
  });

  describe('findIn', () => {
    const sortedIds = (notes: Note[]) => notes.map((n) => n.id).sort();

    it('gives the rows find gives, managed, or detached when asked', async () => {
      const fork = em();
      const found = await findIn(fork, NoteSchema, 'title', ['first', 'second', 'none']);
      const expected = await em().find(NoteSchema, { title: { $in: ['first', 'second'] } });
      expect(sortedIds(found)).toEqual([A, B]);
      expect(found.find((n) => n.id === A)).toEqual(expected.find((n) => n.id === A));
      expect(fork.getUnitOfWork().getById(NoteSchema.meta.className, A)).toBe(
        found.find((n) => n.id === A),
      );
      const detached = em();
      expect(
        sortedIds(await findIn(detached, NoteSchema, 'id', [A], { disableIdentityMap: true })),
      ).toEqual([A]);
      expect(detached.getUnitOfWork().getById(NoteSchema.meta.className, A)).toBeUndefined();
      expect(await findIn(em(), NoteSchema, 'id', [])).toEqual([]);
    });

    it('sends one bound statement, the same text for the same number of values', async () => {
      const queries = await sent(async () => {
        await findIn(em(), NoteSchema, 'id', [A, B]);
        await findIn(em(), NoteSchema, 'id', [B, A, A]);
      });
      expect(queries.map((query) => query.bindings)).toEqual([
        [A, B],
        [B, A],
      ]);
      expect(queries[1]!.sql).toBe(queries[0]!.sql);
    });

    it('flushes first, as find does, while the manager holds changes of the table', async () => {
      const fork = em();
      (await fork.findOneOrFail(NoteSchema, { id: A })).title = 'renamed';
      expect(sortedIds(await findIn(fork, NoteSchema, 'title', ['renamed']))).toEqual([A]);
    });
  });
});
