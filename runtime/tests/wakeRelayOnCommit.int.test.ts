import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import {
  createEvent,
  DEFAULT_NAMESPACE,
  loadCatalogue,
  OutboxEntry,
  recordEvent,
  withEventBatch,
} from '../../messaging';
import { wakeRelayOnCommit } from '../src/subgraph/wakeRelayOnCommit';
import { ormPerTest } from '../../test-support/ormPerTest';
import { itOnPostgres } from '../../test-support/onPostgres';

interface Note {
  id: string;
}
const NoteSchema = new EntitySchema<Note>({
  name: 'Note',
  tableName: 'notes',
  properties: { id: { type: 'string', primary: true } },
});

let counter = 0;
/** An event in the outbox, as `recordEvent` leaves it for the flush. */
function recordSomething(em: EntityManager): void {
  const id = `event-${++counter}`;
  em.persist(
    em.create(OutboxEntry, {
      ...{ id, subject: 'test.thing.created', type: 'test.thing.created', payload: '{}' },
      ...{ createdAt: new Date(), sentAt: null, attempts: 0, lastError: null },
    }),
  );
}

describe('wakeRelayOnCommit', () => {
  const test = ormPerTest('wake', [NoteSchema, OutboxEntry]);
  let wakes: number;
  beforeEach(() => {
    wakes = 0;
    wakeRelayOnCommit(test.orm, { notify: () => void wakes++ });
  });

  it('wakes the relay once a transaction that recorded an event commits, not before', async () => {
    let wakesInside = -1;
    await test.orm.em.fork().transactional(async (em) => {
      recordSomething(em);
      await em.flush();
      wakesInside = wakes;
    });
    expect(wakesInside).toBe(0);
    expect(wakes).toBe(1);
    expect(await test.orm.em.fork().count(OutboxEntry, { sentAt: null })).toBe(1);
  });

  it('wakes it after a flush outside a transaction that recorded an event', async () => {
    const em = test.orm.em.fork();
    recordSomething(em);
    await em.flush();
    expect(wakes).toBe(1);
  });

  it('wakes it once a transaction that recorded a batch of events commits, not before', async () => {
    const catalogue = loadCatalogue();
    catalogue.register({
      ...{ type: 'test.note.added', version: 1, description: 'A note.', producer: 'test' },
      ...{
        consumers: ['test'],
        schema: { type: 'object', properties: { n: { type: 'integer' } } },
      },
    });
    const record = (em: EntityManager, n: number) =>
      recordEvent(
        em,
        createEvent(
          { type: 'test.note.added', subject: `note-${n}`, data: { n } },
          { source: '/subgraphs/test', correlationId: `note-${n}` },
        ),
        DEFAULT_NAMESPACE,
        catalogue,
      );
    let wakesInside = -1;
    await test.orm.em.fork().transactional((em) =>
      withEventBatch(em, async () => {
        for (const n of [1, 2, 3]) record(em, n);
        await em.flush();
        wakesInside = wakes;
      }),
    );
    expect(wakesInside).toBe(0);
    expect(wakes).toBe(1);
    expect(await test.orm.em.fork().count(OutboxEntry, { sentAt: null })).toBe(3);
    const failing = test.orm.em.fork().transactional((em) =>
      withEventBatch(em, async () => {
        record(em, 4);
        throw new Error('changed its mind');
      }),
    );
    await expect(failing).rejects.toThrow('changed its mind');
    expect(wakes).toBe(1);
  });

  it('leaves it asleep for changes that record no event, and for a rollback', async () => {
    const em = test.orm.em.fork();
    await em.persistAndFlush(em.create(NoteSchema, { id: 'n1' }));
    await test.orm.em.fork().transactional(async (tx) => {
      tx.persist(tx.create(NoteSchema, { id: 'n2' }));
    });
    await expect(
      test.orm.em.fork().transactional(async (tx) => {
        recordSomething(tx);
        await tx.flush();
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    // The relay marking rows sent updates them: that is no new event either.
    const sent = test.orm.em.fork();
    recordSomething(sent);
    await sent.flush();
    wakes = 0;
    const row = await sent.findOneOrFail(OutboxEntry, { sentAt: null });
    row.sentAt = new Date();
    await sent.flush();
    expect(wakes).toBe(0);
  });

  itOnPostgres(
    'wakes it at every commit while a transaction that recorded an event is open',
    async () => {
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let recorded!: () => void;
      const firstRecorded = new Promise<void>((resolve) => (recorded = resolve));
      const first = test.orm.em.fork().transactional(async (em) => {
        recordSomething(em);
        await em.flush();
        recorded();
        await firstMayCommit;
      });
      await firstRecorded;
      // Another transaction commits first: the relay may look before the first commits...
      await test.orm.em.fork().transactional(async (em) => {
        em.persist(em.create(NoteSchema, { id: 'n3' }));
      });
      expect(wakes).toBe(1);
      releaseFirst();
      await first;
      // ...so the first one's commit wakes it again, and then its row is there to see.
      expect(wakes).toBe(2);
    },
  );
});
