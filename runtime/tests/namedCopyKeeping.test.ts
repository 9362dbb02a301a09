import { EntitySchema } from '@mikro-orm/core';
import { namedCopyKeeping, type NamedEmployeeCopy } from '../index';

const CopySchema = new EntitySchema<NamedEmployeeCopy>({
  name: 'NamedCopy',
  properties: {
    id: { type: 'string', primary: true },
    firstName: { type: 'string', nullable: true },
    lastName: { type: 'string', nullable: true },
    email: { type: 'string', nullable: true },
    managerId: { type: 'string', nullable: true },
    status: { type: 'string' },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
const keeping = namedCopyKeeping(CopySchema);

describe('namedCopyKeeping', () => {
  it('takes name, e-mail, manager and status from a created employee', () => {
    const data = {
      employeeId: 'e1',
      employeeNumber: 'E1',
      version: 1,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      managerId: 'm1',
      status: 'ACTIVE' as const,
      timeZone: 'Europe/Paris',
    };
    expect(keeping.patch('employees.employee.created', data)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      managerId: 'm1',
      status: 'ACTIVE',
    });
  });

  it('takes a changed or cleared name, and leaves unsaid what an event does not say', () => {
    const data = {
      employeeId: 'e1',
      employeeNumber: 'E1',
      version: 2,
      changes: { lastName: { new: 'Byron' }, email: { new: null }, timeZone: { new: 'UTC' } },
    };
    const patch = keeping.patch('employees.employee.updated', data);
    expect(patch).toMatchObject({ lastName: 'Byron', email: null });
    expect(patch.firstName).toBeUndefined();
    expect(patch.status).toBeUndefined();
    expect(
      keeping.patch('employees.employee.status_changed', {
        employeeId: 'e1',
        employeeNumber: 'E1',
        version: 3,
        to: 'INACTIVE',
      }),
    ).toEqual({ status: 'INACTIVE' });
  });

  it('starts a copy nameless and active, and dates its changes', () => {
    expect(keeping.blank()).toEqual({
      firstName: null,
      lastName: null,
      email: null,
      managerId: null,
      status: 'ACTIVE',
    });
    expect(keeping.dated).toBe(true);
  });
});
