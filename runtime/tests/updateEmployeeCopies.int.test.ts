import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { openDatabase } from '../src/database';
import {
  employeeCopySchema,
  lockableCopyKeeping,
  updateEmployeeCopies,
  updateEmployeeCopy,
  type EmployeeEventData,
  type LockableEmployeeCopy,
} from '../src/employeeCopy';
import { sentSql, sqlShape, type SentQuery } from '../../test-support/sqlShape';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';

interface Copy extends LockableEmployeeCopy {
  location: string;
  terminationDate: string | null;
}
const CopySchema = employeeCopySchema<Copy>('TestEmployee', 'test_employees', [
  'location',
  'terminationDate',
]);
const keeping = lockableCopyKeeping(CopySchema);

type Event = { type: string; data: EmployeeEventData };

/** Any employees event the copy reads, about one of three people, at a version of 1 to 6. */
const anEvent: fc.Arbitrary<Event> = fc
  .record({
    employeeId: fc.constantFrom('e1', 'e2', 'e3'),
    version: fc.integer({ min: 1, max: 6 }),
    kind: fc.constantFrom('created', 'updated', 'manager', 'status', 'terminated'),
    value: fc.constantFrom('A', 'B', 'C'),
  })
  .map(({ employeeId, version, kind, value }): Event => {
    const base = { employeeId, employeeNumber: `N${employeeId}`, version };
    switch (kind) {
      case 'created':
        return {
          type: 'employees.employee.created',
          data: { ...base, status: 'ACTIVE', location: `L${value}`, managerId: null },
        };
      case 'updated':
        return {
          type: 'employees.employee.updated',
          data: { ...base, changes: { location: { new: `L${value}` } } },
        };
      case 'manager':
        return { type: 'employees.manager.assigned', data: { ...base, managerId: `m${value}` } };
      case 'status':
        return {
          type: 'employees.employee.status_changed',
          data: { ...base, to: value === 'A' ? 'ON_LEAVE' : 'ACTIVE' },
        };
      default:
        return {
          type: 'employees.employee.terminated',
          data: { ...base, terminationDate: `2026-0${version}-01` },
        };
    }
  });

describe('updateEmployeeCopies', () => {
  let db: TestDatabase;
  let single: MikroORM;
  let batched: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    single = await openDatabase({ target: db.target('single'), entities: [CopySchema] });
    batched = await openDatabase({ target: db.target('batched'), entities: [CopySchema] });
  });
  afterAll(async () => {
    await single?.close();
    await batched?.close();
    await db?.drop();
  });

  /** The copies, without `updatedAt` (the moment each was written). */
  const copies = async (orm: MikroORM) =>
    (await orm.em.fork().find(CopySchema, {}, { orderBy: { id: 'asc' } })).map(
      ({ updatedAt: _written, ...copy }) => copy,
    );

  it('leaves the copies as one event at a time does, for any events cut into any batches', async () => {
    const property = fc.asyncProperty(
      fc.array(anEvent, { minLength: 1, maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
      async (events, sizes) => {
        await single.em.fork().nativeDelete(CopySchema, {});
        await batched.em.fork().nativeDelete(CopySchema, {});
        for (const event of events)
          await single.em.fork().transactional((em) => updateEmployeeCopy(em, event, keeping));
        for (let at = 0, i = 0; at < events.length; i++) {
          const batch = events.slice(at, (at += sizes[i % sizes.length]!));
          await batched.em
            .fork()
            .transactional((em) => updateEmployeeCopies(em as EntityManager, batch, keeping));
        }
        expect(await copies(batched)).toEqual(await copies(single));
      },
    );
    await fc.assert(property, { numRuns: 60 });
  }, 120_000);

  it('reads the copies once and writes them once, however many events name them', async () => {
    await batched.em.fork().nativeDelete(CopySchema, {});
    const events = ['e1', 'e2', 'e3'].flatMap((employeeId) =>
      [1, 2, 3].map((version) => ({
        type: 'employees.manager.assigned',
        data: { employeeId, employeeNumber: `N${employeeId}`, version, managerId: `m${version}` },
      })),
    );
    const knex = (
      batched.em.getConnection() as unknown as { getKnex(): NodeJS.EventEmitter }
    ).getKnex();
    const sent: string[] = [];
    const record = (query: SentQuery) => sent.push(sqlShape(sentSql(query)));
    knex.on('query', record);
    try {
      await batched.em.fork().transactional((em) => updateEmployeeCopies(em, events, keeping));
    } finally {
      knex.removeListener('query', record);
    }
    expect(sent).toEqual([
      'begin',
      'select * from test_employees where id in (3 values)',
      'insert into test_employees (3 rows)',
      'commit',
    ]);
    expect((await copies(batched)).map((copy) => [copy.id, copy.managerId, copy.version])).toEqual([
      ['e1', 'm3', 3],
      ['e2', 'm3', 3],
      ['e3', 'm3', 3],
    ]);
  });
});
