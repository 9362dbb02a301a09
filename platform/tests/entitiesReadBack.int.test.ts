import type { EntityMetadata, EntityProperty, MikroORM } from '@mikro-orm/core';
import { openSubgraphDatabase, type SubgraphModule } from '../../runtime';
import { subgraphs } from '../../subgraphs';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';

/** Entities a row of made-up values cannot be stored for, and why. */
const REFUSED: Record<string, string> = {
  BillingTransaction: 'the ledger refuses a transaction without balancing postings',
  BillingPosting: 'the ledger refuses a posting whose transaction does not balance',
};

/** A value the property's column takes; one made up, not one the domain would write. */
function valueFor(prop: EntityProperty): unknown {
  const type = String(prop.runtimeType ?? prop.type).toLowerCase();
  if (prop.columnTypes?.[0] === 'date') return '2026-03-01';
  if (type === 'date') return new Date(Date.UTC(2026, 2, 1, 9, 30, 15, 123));
  if (type === 'number') return 3;
  if (type === 'boolean') return true;
  if (type === 'buffer') return Buffer.from('sealed');
  if (type === 'object' || type === 'any' || type.includes('json')) return { kept: [1, 'two'] };
  return 'v'.repeat(Math.min(prop.length ?? 36, 12));
}

const rowOf = (meta: EntityMetadata) =>
  Object.fromEntries(
    meta.props.filter((prop) => prop.persist !== false).map((prop) => [prop.name, valueFor(prop)]),
  );

/** The properties MikroORM would write back for each stored row of `meta`, read and left alone. */
async function changedOnReadBack(orm: MikroORM, meta: EntityMetadata): Promise<string[][]> {
  const writer = orm.em.fork();
  writer.create(meta.class, rowOf(meta), { persist: true });
  await writer.flush();
  const reader = orm.em.fork();
  await reader.find(meta.class, {});
  const unitOfWork = reader.getUnitOfWork();
  unitOfWork.computeChangeSets();
  return unitOfWork.getChangeSets().map((changeSet) => Object.keys(changeSet.payload));
}

// An instant mapped so that it read back as changed made every flush that had loaded the row
// write it again: each notification sent rewrote its recipient's copy, and the relay wrote
// each event's creation time back as it marked the event sent.
describe('every stored row reads back unchanged', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each(subgraphs.map((module) => [module.name, module as SubgraphModule]))(
    '%s: a row stored and read again has nothing to flush',
    async (name, module) => {
      // As the runtime opens it: with the outbox, inbox, jobs and idempotency keys.
      const orm = await openSubgraphDatabase(module, db.target(name));
      try {
        const metas = Object.values(orm.getMetadata().getAll()).filter(
          (meta) => !meta.embeddable && !meta.virtual && !(meta.className in REFUSED),
        );
        expect(metas.map((meta) => meta.className)).toEqual(
          expect.arrayContaining(['OutboxEntry', 'InboxEntry', 'ScheduledJob']),
        );
        for (const meta of metas) {
          expect({ entity: meta.className, changed: await changedOnReadBack(orm, meta) }).toEqual({
            entity: meta.className,
            changed: [],
          });
        }
      } finally {
        await orm.close();
      }
    },
  );
});
