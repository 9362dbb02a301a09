import { EntitySchema } from '@mikro-orm/core';
import { openDatabase } from '../../src/database';
import { createLogger } from '../../src/logger';
import { suiteDatabase } from '../../../test-support/suiteDatabase';

interface Person {
  id: string;
  email: string;
}
const PersonSchema = new EntitySchema<Person>({
  name: 'Person',
  tableName: 'people',
  properties: {
    id: { type: 'string', primary: true },
    email: { type: 'string', unique: true },
  },
});

describe('logged errors', () => {
  const db = suiteDatabase();

  it("keep a driver error's type, code, message and stack, but not its statement or values", async () => {
    const orm = await openDatabase({ target: db.target('people'), entities: [PersonSchema] });
    let failure: unknown;
    const insert = (id: string) => {
      const em = orm.em.fork();
      return em.persistAndFlush(em.create(PersonSchema, { id, email: 'ada@example.com' }));
    };
    try {
      await insert('p1');
      await insert('p2');
    } catch (error) {
      failure = error;
    } finally {
      await orm.close();
    }
    // What the driver says names the statement; on PostgreSQL, which receives the values
    // written into it, the address too (in its message and its detail). SQLite's are bound.
    const raw = JSON.stringify({ ...(failure as object), message: (failure as Error).message });
    expect(raw).toMatch(/insert into/i);
    if (db.url) expect(raw).toMatch(/ada@example\.com/);

    const lines: Record<string, any>[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (text: string) => void lines.push(JSON.parse(text)) },
    });
    logger.error({ err: failure }, 'unexpected error');

    expect(lines[0].err).toMatchObject({
      type: 'UniqueConstraintViolationException',
      message: expect.stringMatching(/unique/i),
      stack: expect.stringMatching(/^UniqueConstraintViolationException: .*\n\s+at /),
    });
    expect(JSON.stringify(lines)).not.toMatch(/ada@example\.com|insert into/i);
  });
});
