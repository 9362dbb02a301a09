import type { EntityManager } from '@mikro-orm/knex';
import {
  EMPLOYEE_EVENTS,
  employeeCopySchema,
  keepEmployeeCopy,
  lockableCopyKeeping,
  managerChains,
  updateEmployeeCopy,
  type LockableEmployeeCopy,
} from '../src/employeeCopy';
import { ormPerTest } from '../../test-support/ormPerTest';

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
});
