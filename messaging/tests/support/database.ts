import type { MikroORM } from '@mikro-orm/core';
import { EntitySchema } from '@mikro-orm/core';
import { openDatabase } from '../../../runtime';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database';
import { InboxEntry, OutboxEntry } from '../..';

/** A row a test handler writes in the consumer's transaction: one per applied event. */
export interface Effect {
  id?: number;
  eventId: string;
  n: number;
}

export const Effect = new EntitySchema<Effect>({
  name: 'Effect',
  tableName: 'effects',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    // Deliberately not unique: a second effect of one event must show up as a second row.
    eventId: { type: 'string', length: 36 },
    n: { type: 'integer' },
  },
});

export interface TestDb {
  db: TestDatabase;
  orm: MikroORM;
  close(): Promise<void>;
}

/** A fresh database on the engine of the Jest project, with the outbox, inbox and effects tables. */
export async function openTestDb(name: string): Promise<TestDb> {
  const db = await createTestDatabase();
  const orm = await openDatabase({
    target: db.target(name),
    entities: [OutboxEntry, InboxEntry, Effect],
  });
  return {
    db,
    orm,
    async close() {
      await orm.close();
      await db.drop();
    },
  };
}
