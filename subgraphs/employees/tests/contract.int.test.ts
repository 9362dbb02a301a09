import { loadContract } from '../../../schema/src/contract';
import { hr, personInput, startEmployees, type Caller } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

/**
 * Every operation of schema/contract/employees.graphql but TeamDashboard, run as the front
 * end sends it against this subgraph alone. TeamDashboard selects fields other subgraphs add
 * to Employee; platform/tests/teamDashboard.int.test.ts runs it through the gateway.
 */
describe('employees: the contract operations', () => {
  const h = suiteHarness(startEmployees);
  let managerId: string;
  const DEPARTMENT = 'Contract Ward';
  beforeAll(async () => {
    managerId = await h.hire({ firstName: 'Maya', lastName: 'Okafor', department: DEPARTMENT });
  });

  it('names the operations this suite runs', () => {
    const ours = loadContract().filter((o) => o.file === 'employees.graphql');
    expect(ours.map((o) => o.name).sort()).toEqual([
      'AssignManager',
      'ChangeEmployeeStatus',
      'CreateEmployee',
      'EmployeeDirectory',
      'EmployeeProfile',
      'Me',
      'TeamDashboard',
      'TerminateEmployee',
      'UpdateEmployee',
      'VerifyEmployee',
      'WithdrawTermination',
    ]);
  });

  const ok = async (name: string, variables: Record<string, unknown>, caller: Caller = hr) => {
    const reply = await h.op(name, variables, caller);
    expect(reply.errors).toBeUndefined();
    return reply.data!;
  };

  it('CreateEmployee, UpdateEmployee, ChangeEmployeeStatus, AssignManager, TerminateEmployee, and the reads between them', async () => {
    const input = personInput({
      employeeNumber: 'C0001',
      firstName: 'Priya',
      lastName: 'Shah',
      email: 'priya.shah@example.com',
      department: DEPARTMENT,
    });
    const { createEmployee: created } = await ok('CreateEmployee', { input });
    expect(created).toEqual({
      id: expect.any(String),
      employeeNumber: 'C0001',
      status: 'ACTIVE',
      version: 1,
    });
    const { id } = created;

    expect(
      await ok('UpdateEmployee', {
        input: { id, jobTitle: 'Senior Staff Nurse', expectedVersion: 1 },
      }),
    ).toEqual({ updateEmployee: { id, version: 2 } });
    expect(
      await ok('ChangeEmployeeStatus', { input: { id, status: 'ON_LEAVE', expectedVersion: 2 } }),
    ).toEqual({ changeEmployeeStatus: { id, status: 'ON_LEAVE', version: 3 } });
    expect(await ok('AssignManager', { input: { id, managerId, expectedVersion: 3 } })).toEqual({
      assignManager: { id, manager: { id: managerId }, version: 4 },
    });

    expect(await ok('EmployeeProfile', { id })).toEqual({
      employee: {
        id,
        employeeNumber: 'C0001',
        firstName: 'Priya',
        lastName: 'Shah',
        email: 'priya.shah@example.com',
        phone: '+44 20 7946 0958',
        department: DEPARTMENT,
        jobTitle: 'Senior Staff Nurse',
        grade: 'BAND_5',
        employmentType: 'FULL_TIME',
        status: 'ON_LEAVE',
        hireDate: '2021-04-01',
        terminationDate: null,
        location: 'ENGLAND_AND_WALES',
        timeZone: 'Europe/London',
        version: 4,
        salary: { amountMinor: 3_500_000, currency: 'GBP' },
        manager: { id: managerId, firstName: 'Maya', lastName: 'Okafor' },
        directReports: [],
      },
    });
    expect((await ok('EmployeeProfile', { id: managerId })).employee.directReports).toEqual([
      { id, firstName: 'Priya', lastName: 'Shah' },
    ]);

    expect(await ok('Me', {}, { role: 'EMPLOYEE', sub: id })).toEqual({
      me: {
        id,
        employeeNumber: 'C0001',
        firstName: 'Priya',
        lastName: 'Shah',
        email: 'priya.shah@example.com',
        department: DEPARTMENT,
        jobTitle: 'Senior Staff Nurse',
        status: 'ON_LEAVE',
        manager: { id: managerId, firstName: 'Maya', lastName: 'Okafor' },
      },
    });

    const directory = await ok('EmployeeDirectory', {
      first: 1,
      filter: { department: DEPARTMENT },
    });
    expect(directory.employees).toEqual({
      totalCount: 2,
      pageInfo: { endCursor: expect.any(String), hasNextPage: true },
      nodes: [
        {
          id: managerId,
          employeeNumber: expect.any(String),
          firstName: 'Maya',
          lastName: 'Okafor',
          department: DEPARTMENT,
          jobTitle: 'Staff Nurse',
          status: 'ACTIVE',
        },
      ],
    });
    const next = await ok('EmployeeDirectory', {
      first: 1,
      after: directory.employees.pageInfo.endCursor,
      filter: { department: DEPARTMENT },
    });
    expect(next.employees.nodes.map((n: { id: string }) => n.id)).toEqual([id]);
    expect(next.employees.pageInfo.hasNextPage).toBe(false);

    expect(await ok('VerifyEmployee', { id }, { role: 'SYSTEM' })).toEqual({
      verifyEmployee: { exists: true, status: 'ON_LEAVE', department: DEPARTMENT },
    });

    // A last day already past ends the employment at once.
    expect(await ok('TerminateEmployee', { input: { id, terminationDate: '2025-12-31' } })).toEqual(
      {
        terminateEmployee: { id, status: 'TERMINATED', terminationDate: '2025-12-31' },
      },
    );
    const after = await ok('EmployeeDirectory', { first: 10, filter: { department: DEPARTMENT } });
    expect(after.employees.nodes.map((n: { id: string }) => n.id)).toEqual([managerId]);
    expect(await ok('VerifyEmployee', { id }, { role: 'SYSTEM' })).toEqual({
      verifyEmployee: { exists: true, status: 'TERMINATED', department: DEPARTMENT },
    });
  });

  it('TerminateEmployee for a day to come schedules it; WithdrawTermination takes it back', async () => {
    const id = await h.hire({ department: DEPARTMENT });
    expect(await ok('TerminateEmployee', { input: { id, terminationDate: '2030-06-30' } })).toEqual(
      { terminateEmployee: { id, status: 'ACTIVE', terminationDate: '2030-06-30' } },
    );
    expect(await ok('WithdrawTermination', { input: { id, expectedVersion: 2 } })).toEqual({
      withdrawTermination: { id, status: 'ACTIVE', terminationDate: null, version: 3 },
    });
  });
});
