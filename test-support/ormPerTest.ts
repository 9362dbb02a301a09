import type { MikroORM } from '@mikro-orm/core';
import type { TestDatabase } from './database';
import { openTestOrm, type TestEntities, type TestOrm } from './openTestOrm';

/**
 * A fresh test database with an ORM on `entities` for each test, closed and dropped after it,
 * so that no test sees another's rows. Read `orm` and `db` inside a test or a later hook.
 */
export function ormPerTest(name: string, entities: TestEntities) {
  let opened: TestOrm | undefined;
  beforeEach(async () => {
    opened = await openTestOrm(name, entities);
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  const current = (): TestOrm => {
    if (!opened) throw new Error('ormPerTest: the ORM opens in beforeEach');
    return opened;
  };
  return {
    get orm(): MikroORM {
      return current().orm;
    },
    get db(): TestDatabase {
      return current().db;
    },
  };
}
