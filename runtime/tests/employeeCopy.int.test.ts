import type { EntityManager } from '@mikro-orm/knex';
import {
  EMPLOYEE_EVENTS,
  employeeCopySchema,
  keepEmployeeCopy,
  lockEmployee,
  lockableCopyKeeping,
  managerChains,
  updateEmployeeCopy,
  type LockableEmployeeCopy,
} from '../src/employeeCopy';
import { ormPerTest } from '../../test-support/ormPerTest';
import { sentQueries } from '../../test-support/sqlShape';

interface Copy extends LockableEmployeeCopy {
  timeZone: string;
  hireDate: string | null;
}
const CopySchema = employeeCopySchema<Copy>('TestEmployee', 'test_employees', [
  'timeZone',
  'hireDate',
]);
const keeping = lockableCopyKeeping(CopySchema);

const event = (type: string, version: number, data: Record<string, unknown> = {}) => ({
  type: `employees.${type}`,
  data: { employeeId: 'e1', employeeNumber: 'E1', version, ...data },
});

describe('employee copy', () => {
  const test = ormPerTest('copies', [CopySchema]);
  const em = () => test.orm.em.fork() as EntityManager;
  const apply = (e: ReturnType<typeof event>) => updateEmployeeCopy(em(), e, keeping);
  const copy = () => em().findOneOrFail(CopySchema, 'e1');

  it('starts a copy for an unknown employee, with defaults for what the event leaves out', async () => {
    await apply(event('manager.assigned', 3, { managerId: 'm1' }));
    expect(await copy()).toMatchObject({
      status: 'ACTIVE',
      managerId: 'm1',
      timeZone: 'Europe/London',
      hireDate: null,
      version: 3,
      writeLock: 0,
    });
  });

  it('takes a newer event and ignores an older or duplicate one', async () => {
    await apply(event('employee.created', 1, { status: 'ACTIVE', timeZone: 'Europe/Paris' }));
    const updated = event('employee.updated', 2, {
      changes: { timeZone: { new: 'Asia/Tokyo' }, hireDate: { new: '2024-01-02' } },
    });
    expect(await apply(updated)).toMatchObject({
      before: { version: 1, timeZone: 'Europe/Paris', hireDate: null },
      after: { version: 2, timeZone: 'Asia/Tokyo', hireDate: '2024-01-02' },
    });
    expect(await copy()).toMatchObject({ timeZone: 'Asia/Tokyo', hireDate: '2024-01-02' });

    expect(await apply(updated)).toBeNull();
    expect(await apply(event('employee.status_changed', 1, { to: 'INACTIVE' }))).toBeNull();
    expect(await copy()).toMatchObject({ status: 'ACTIVE', timeZone: 'Asia/Tokyo', version: 2 });
  });

  it('keeps only the fields the table has columns for', async () => {
    await apply(event('employee.terminated', 4, { terminationDate: '2024-05-31' }));
    const row = await copy();
    expect(row.status).toBe('TERMINATED');
    expect(row).not.toHaveProperty('terminationDate');
  });

  it('keeps a copy through its handler, and knows whom it holds', async () => {
    const keeper = keepEmployeeCopy(CopySchema);
    expect([keeper.handler.name, keeper.handler.types]).toEqual(['employee_copy', EMPLOYEE_EVENTS]);
    expect(await keeper.knowing.has(em(), 'e1')).toBe(false);
    const fork = em();
    const created = event('employee.created', 1, { timeZone: 'Europe/Paris' });
    await keeper.handler.handle(created as never, { em: fork, emit: () => {} });
    expect(await keeper.knowing.has(em(), 'e1')).toBe(true);
    await keeper.apply(em(), event('employee.status_changed', 2, { to: 'INACTIVE' }));
    expect(await copy()).toMatchObject({
      status: 'INACTIVE',
      timeZone: 'Europe/Paris',
      version: 2,
    });
  });

  it('walks the reporting lines of the copy, nearest manager first', async () => {
    const fork = em();
    for (const [id, managerId] of <[string, string | null][]>[
      ['a', 'b'],
      ['b', 'c'],
      ['c', null],
    ])
      await updateEmployeeCopy(
        fork,
        {
          type: 'employees.manager.assigned',
          data: { employeeId: id, employeeNumber: id, version: 1, managerId },
        },
        keeping,
      );
    const chains = await managerChains(em(), 'TestEmployee', ['a', 'c', 'x']);
    expect(Object.fromEntries(chains)).toEqual({ a: ['b', 'c'], c: [], x: [] });
  });

  describe('lockEmployee', () => {
    it('locks the copy and holds it as updated, so a look later in the transaction sends nothing', async () => {
      await apply(event('employee.created', 1, { timeZone: 'Europe/Paris' }));
      await em().transactional(async (tx) => {
        expect(await lockEmployee(tx, CopySchema, 'e1')).toBe(true);
        let held: Copy | undefined;
        const sent = await sentQueries(tx, async () => {
          held = await tx.findOneOrFail(CopySchema, 'e1');
        });
        expect(sent).toEqual([]);
        expect(held).toMatchObject({ timeZone: 'Europe/Paris', writeLock: 1 });
      });
      expect(await copy()).toMatchObject({ writeLock: 1 });
      expect(await em().transactional((tx) => lockEmployee(tx, CopySchema, 'nobody'))).toBe(false);
    });

    // The query builder wrote the id into the text: a statement per person, each parsed anew.
    it('sends one statement text whoever it locks, the person bound rather than written in', async () => {
      await apply(event('employee.created', 1));
      await updateEmployeeCopy(
        em(),
        {
          type: 'employees.employee.created',
          data: { employeeId: 'e2', employeeNumber: 'E2', version: 1 },
        },
        keeping,
      );
      const sent = await sentQueries(em(), async () => {
        for (const id of ['e1', 'e2'])
          await em().transactional((tx) => lockEmployee(tx, CopySchema, id));
      });
      const locks = sent.filter((query) => /^update/i.test(query.sql));
      expect(locks.map((query) => query.bindings)).toEqual([['e1'], ['e2']]);
      expect(locks[1]!.sql).toBe(locks[0]!.sql);
      expect(locks[0]!.sql).not.toMatch(/e1/);
      expect(await copy()).toMatchObject({ writeLock: 1 });
    });

    it('leaves a copy the transaction already holds as it is, changes not yet flushed included', async () => {
      await apply(event('employee.created', 1, { timeZone: 'Europe/Paris' }));
      await em().transactional(async (tx) => {
        const held = await tx.findOneOrFail(CopySchema, 'e1');
        held.timeZone = 'Asia/Tokyo';
        await lockEmployee(tx, CopySchema, 'e1');
        expect(held.timeZone).toBe('Asia/Tokyo');
      });
      expect(await copy()).toMatchObject({ timeZone: 'Asia/Tokyo', writeLock: 1 });
    });
  });
});
