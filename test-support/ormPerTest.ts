import type { MikroORM } from '@mikro-orm/core';
import type { TestDatabase } from './database';
import { hookedValue } from './hookedValue';
import { openTestOrm, type TestEntities } from './openTestOrm';

/**
 * A fresh test database with an ORM on `entities` for each test, closed and dropped after it,
 * so that no test sees another's rows. Read `orm` and `db` inside a test or a later hook.
 */
export function ormPerTest(name: string, entities: TestEntities) {
  const current = hookedValue(
    beforeEach,
    afterEach,
    () => openTestOrm(name, entities),
    (opened) => opened.close(),
  );
  return {
    get orm(): MikroORM {
      return current().orm;
    },
    get db(): TestDatabase {
      return current().db;
    },
  };
}
