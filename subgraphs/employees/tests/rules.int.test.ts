import { v7 as uuidv7 } from 'uuid';
import { onlyError, personInput, startEmployees, type GraphQLReply } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { hireLine } from '../../../test-support/hireLine';

interface Expected {
  code: string;
  field?: string;
  reason?: string;
  rule?: string;
}

describe('employees: every rule refuses a bad request and changes nothing', () => {
  const h = suiteHarness(startEmployees);
  let existing: { id: string; email: string; employeeNumber: string };
  let terminated: string;

  beforeAll(async () => {
    const input = personInput();
    existing = {
      id: await h.hire(input),
      email: input.email as string,
      employeeNumber: input.employeeNumber as string,
    };
    terminated = await h.hire();
    await h.op('TerminateEmployee', { input: { id: terminated, terminationDate: '2024-01-31' } });
  });

  /** Runs `send` and checks the one error it returns, and that no row or event changed. */
  async function refuses(send: () => Promise<GraphQLReply>, expected: Expected) {
    const before = await h.snapshot();
    const error = onlyError(await send());
    expect(error.extensions).toMatchObject(expected);
    if (!expected.field) expect(error.extensions?.field).toBeUndefined();
    expect(await h.snapshot()).toEqual(before);
  }

  const create = (overrides: Record<string, unknown>) => () =>
    h.op('CreateEmployee', { input: personInput(overrides) });
  const update = (input: Record<string, unknown>) => () =>
    h.op('UpdateEmployee', { input: { id: existing.id, ...input } });
  const bad = (field: string) => ({ code: 'BAD_USER_INPUT', field });
  const stale = { code: 'CONFLICT', reason: 'VERSION_CONFLICT', field: 'expectedVersion' };

  describe('creating', () => {
    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['an email with spaces', { email: 'pat smith@example.com' }, 'email'],
      ['an empty first name', { firstName: '  ' }, 'firstName'],
      ['an empty last name', { lastName: '' }, 'lastName'],
      ['an empty department', { department: '' }, 'department'],
      ['an empty job title', { jobTitle: ' ' }, 'jobTitle'],
      ['an empty grade', { grade: '' }, 'grade'],
      ['a first name over 100 characters', { firstName: 'x'.repeat(101) }, 'firstName'],
      ['a hire date that is not a date', { hireDate: 'yesterday' }, 'hireDate'],
      ['a hire date not on the calendar', { hireDate: '2023-02-29' }, 'hireDate'],
      ['a hire date in year 9999', { hireDate: '9999-12-31' }, 'hireDate'],
      ['an unknown location', { location: 'ATLANTIS' }, 'location'],
      ['an unassigned country code', { location: 'XX' }, 'location'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['an offset for a time zone', { timeZone: '+01:00' }, 'timeZone'],
      ['a negative salary', { salary: { amountMinor: -1, currency: 'GBP' } }, 'salary'],
      [
        'a currency that is not ISO 4217',
        { salary: { amountMinor: 1, currency: 'QQQ' } },
        'salary',
      ],
      [
        'a currency of the wrong length',
        { salary: { amountMinor: 1, currency: 'POUND' } },
        'salary',
      ],
      ['a phone number of letters', { phone: 'call me maybe' }, 'phone'],
      ['a phone number too short', { phone: '12345' }, 'phone'],
      ['an employee number with spaces', { employeeNumber: 'E 1' }, 'employeeNumber'],
    ])('refuses %s', async (_name, overrides, field) => {
      await refuses(create(overrides), bad(field));
    });

    it('refuses an unknown manager', async () => {
      await refuses(create({ managerId: uuidv7() }), {
        ...bad('managerId'),
        reason: 'UNKNOWN_MANAGER',
      });
    });

    it('refuses a terminated manager', async () => {
      await refuses(create({ managerId: terminated }), {
        ...bad('managerId'),
        reason: 'MANAGER_TERMINATED',
      });
    });

    it('refuses an email another employee has, in any letter case', async () => {
      await refuses(create({ email: existing.email.toUpperCase() }), {
        code: 'CONFLICT',
        field: 'email',
      });
    });

    it('refuses an employee number another employee has', async () => {
      await refuses(create({ employeeNumber: existing.employeeNumber }), {
        code: 'CONFLICT',
        field: 'employeeNumber',
      });
    });

    it('refuses to start an employee as TERMINATED', async () => {
      await refuses(create({ status: 'TERMINATED' }), {
        code: 'POLICY_VIOLATION',
        rule: 'EMPLOYEE_STATUS_LIFECYCLE',
      });
    });
  });

  describe('updating', () => {
    it.each([
      ['a malformed email', { email: 'a@b' }, 'email'],
      ['a null first name', { firstName: null }, 'firstName'],
      ['an empty last name', { lastName: '' }, 'lastName'],
      ['a bad hire date', { hireDate: '2024-13-01' }, 'hireDate'],
      ['an unknown location', { location: 'WALES' }, 'location'],
      ['an unknown time zone', { timeZone: 'Europe/Londinium' }, 'timeZone'],
      ['a negative salary', { salary: { amountMinor: -100, currency: 'GBP' } }, 'salary'],
      ['a bad currency', { salary: { amountMinor: 100, currency: 'G1P' } }, 'salary'],
      ['an expected version of 0', { expectedVersion: 0 }, 'expectedVersion'],
    ])('refuses %s', async (_name, input, field) => {
      await refuses(update(input), bad(field));
    });

    it('refuses an email another employee has', async () => {
      const other = await h.hire();
      await refuses(() => h.op('UpdateEmployee', { input: { id: other, email: existing.email } }), {
        code: 'CONFLICT',
        field: 'email',
      });
    });

    it('refuses an employee number another employee has', async () => {
      const other = await h.hire();
      await refuses(
        () =>
          h.op('UpdateEmployee', {
            input: { id: other, employeeNumber: existing.employeeNumber },
          }),
        { code: 'CONFLICT', field: 'employeeNumber' },
      );
    });

    it('refuses a stale expected version', async () => {
      await refuses(update({ expectedVersion: 7, jobTitle: 'Sister' }), stale);
    });

    it('refuses an employee that does not exist', async () => {
      await refuses(() => h.op('UpdateEmployee', { input: { id: uuidv7(), jobTitle: 'X' } }), {
        code: 'NOT_FOUND',
      });
    });

    it('refuses to change a terminated employee', async () => {
      await refuses(
        () => h.op('UpdateEmployee', { input: { id: terminated, jobTitle: 'Ghost' } }),
        { code: 'POLICY_VIOLATION', rule: 'EMPLOYEE_TERMINATED' },
      );
    });
  });

  describe('managers', () => {
    const assign = (id: string, managerId: string | null) => () =>
      h.op('AssignManager', { input: { id, managerId } });

    it('refuses an unknown manager', async () => {
      await refuses(assign(existing.id, uuidv7()), {
        ...bad('managerId'),
        reason: 'UNKNOWN_MANAGER',
      });
    });

    it('refuses an employee as their own manager', async () => {
      await refuses(assign(existing.id, existing.id), {
        ...bad('managerId'),
        reason: 'MANAGER_CYCLE',
      });
    });

    it('refuses a manager who reports to the employee, directly or not', async () => {
      const [top, middle, bottom] = await hireLine(h);
      for (const below of [middle, bottom]) {
        await refuses(assign(top, below), { ...bad('managerId'), reason: 'MANAGER_CYCLE' });
      }
    });

    it('refuses a stale expected version', async () => {
      const manager = await h.hire();
      await refuses(
        () =>
          h.op('AssignManager', {
            input: { id: existing.id, managerId: manager, expectedVersion: 99 },
          }),
        stale,
      );
    });
  });

  describe('status lifecycle', () => {
    const lifecycle = { code: 'POLICY_VIOLATION', rule: 'EMPLOYEE_STATUS_LIFECYCLE' };
    const status = (id: string, value: string, expectedVersion?: number) => () =>
      h.op('ChangeEmployeeStatus', { input: { id, status: value, expectedVersion } });

    it('refuses TERMINATED as a status change', async () => {
      await refuses(status(existing.id, 'TERMINATED'), lifecycle);
    });

    it.each(['ACTIVE', 'ON_LEAVE', 'INACTIVE'])('refuses TERMINATED -> %s', async (to) => {
      await refuses(status(terminated, to), lifecycle);
    });

    it('refuses terminating twice', async () => {
      await refuses(
        () =>
          h.op('TerminateEmployee', { input: { id: terminated, terminationDate: '2024-02-01' } }),
        lifecycle,
      );
    });

    it('refuses a stale expected version', async () => {
      await refuses(status(existing.id, 'ON_LEAVE', 42), stale);
    });
  });

  describe('terminating', () => {
    const terminate = (terminationDate: string) => () =>
      h.op('TerminateEmployee', { input: { id: existing.id, terminationDate } });

    it('refuses a termination date before the hire date', async () => {
      await refuses(terminate('2021-03-31'), bad('terminationDate'));
    });

    it('refuses a termination date that is not a date', async () => {
      await refuses(terminate('31/03/2025'), bad('terminationDate'));
    });
  });

  describe('pages', () => {
    it.each([
      ['a page over 100', { first: 101 }, 'first'],
      ['a negative page', { first: -1 }, 'first'],
      ['a cursor it did not make', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ])('refuses %s', async (_name, variables, field) => {
      await refuses(() => h.op('EmployeeDirectory', variables), bad(field));
    });
  });
});
