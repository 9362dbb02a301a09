import { createTestDatabase, type TestDatabase } from './database';
import { hookedValue, type Hook } from './hookedValue';

/** A test database made in the `make` hook and dropped in the `remove` one. */
function hookedDatabase(make: Hook, remove: Hook): TestDatabase {
  const current = hookedValue(make, remove, createTestDatabase, (db) => db.drop());
  return {
    target: (name) => current().target(name),
    get url() {
      return current().url;
    },
    get dataDir() {
      return current().dataDir;
    },
    drop: () => current().drop(),
  };
}

/** A fresh test database made before the suite's tests and dropped after them. */
export const suiteDatabase = (): TestDatabase => hookedDatabase(beforeAll, afterAll);

/** A fresh test database for each test, dropped after it, so no test sees another's tables. */
export const databasePerTest = (): TestDatabase => hookedDatabase(beforeEach, afterEach);
