import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../runtime';
import { createTestDatabase, type TestDatabase } from './database';

/**
 * A fresh test database with an ORM on `entities` for each test, closed and dropped after it,
 * so that no test sees another's rows. Read `orm` inside a test or a later hook.
 */
export function ormPerTest(name: string, entities: Parameters<typeof openDatabase>[0]['entities']) {
  let db: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  beforeEach(async () => {
    db = await createTestDatabase();
    orm = await openDatabase({ target: db.target(name), entities });
  });
  afterEach(async () => {
    await orm?.close();
    await db?.drop();
  });
  return {
    get orm(): MikroORM {
      if (!orm) throw new Error('ormPerTest: the ORM opens in beforeEach');
      return orm;
    },
  };
}
