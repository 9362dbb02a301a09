import type { Identity, Role } from '../../../runtime';
import { EmployeeError } from '../src/errors';
import { assertCanUpdate, canRead, type Access } from '../src/permissions';

const person = (role: Role, employeeId: string | null, scopes: string[] = []): Identity => ({
  subject: employeeId ?? `service:${role.toLowerCase()}`,
  role,
  employeeId,
  scopes,
  token: 't',
  expiresAt: 0,
});
// Employee e1 reports to m1, who reports to m2.
const chain = async (id: string) => (id === 'e1' ? ['m1', 'm2'] : []);
const levels = async (identity: Identity, id = 'e1') => {
  const result: Access[] = [];
  for (const access of ['directory', 'personal', 'salary'] as const) {
    if (await canRead(access, identity, id, chain)) result.push(access);
  }
  return result;
};

describe('who may read an employee', () => {
  it.each([
    ['the employee', person('EMPLOYEE', 'e1'), ['directory', 'personal', 'salary']],
    ['a colleague', person('EMPLOYEE', 'e2'), ['directory']],
    ['the direct manager', person('MANAGER', 'm1'), ['directory', 'personal']],
    ['an indirect manager', person('MANAGER', 'm2'), ['directory', 'personal']],
    ['a manager elsewhere', person('MANAGER', 'm3'), ['directory']],
    ['HR', person('HR', 'h1'), ['directory', 'personal', 'salary']],
    ['ADMIN', person('ADMIN', null), ['directory', 'personal']],
    ['SYSTEM', person('SYSTEM', null), ['directory', 'personal']],
    ['FINANCE', person('FINANCE', 'f1'), ['directory']],
    ['a partner with employees:read', person('PARTNER', null, ['employees:read']), ['directory']],
    ['a partner without it', person('PARTNER', null, ['leave:read']), []],
  ])('%s', async (_who, identity, expected) => {
    expect(await levels(identity)).toEqual(expected);
  });
});

describe('who may change an employee', () => {
  /** True when the change is refused as FORBIDDEN; any other error fails the test. */
  const refused = (identity: Identity, id: string, fields: string[]) => {
    try {
      assertCanUpdate(identity, id, fields);
      return false;
    } catch (error) {
      expect(error).toBeInstanceOf(EmployeeError);
      expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
      return true;
    }
  };

  it('lets HR and ADMIN change any field', () => {
    expect(refused(person('HR', 'h1'), 'e1', ['salary', 'department'])).toBe(false);
    expect(refused(person('ADMIN', null), 'e1', ['email'])).toBe(false);
  });

  it('lets a person change their own phone only', () => {
    expect(refused(person('EMPLOYEE', 'e1'), 'e1', ['phone'])).toBe(false);
    expect(refused(person('MANAGER', 'm1'), 'm1', ['phone'])).toBe(false);
    expect(refused(person('EMPLOYEE', 'e1'), 'e1', ['phone', 'department'])).toBe(true);
    expect(refused(person('EMPLOYEE', 'e1'), 'e2', ['phone'])).toBe(true);
    expect(refused(person('MANAGER', 'm1'), 'e1', ['phone'])).toBe(true);
  });
});
