import { contractOperation as op } from '../../test-support/contractOperation';
import { type Caller, type GraphQLResult } from '../../test-support/createTestPlatform';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { personInput } from '../../test-support/seedOrganisation';

const hr = { role: 'HR' as const, sub: 'service:hr' };

/**
 * The fields a refusal names, with the code every one of them must have; the domain's
 * errors stand at the mutation's path, the text bounds' at none (nothing ran).
 */
function refusedFields(result: GraphQLResult, mutation: string, ran = true): string[] {
  expect(result.data?.[mutation] ?? null).toBeNull();
  for (const error of result.errors ?? []) {
    expect(error.path).toEqual(ran ? [mutation] : undefined);
    expect(error).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: expect.any(String) },
    });
    expect(error.message).toContain(error.extensions!.field);
  }
  return (result.errors ?? []).map((error) => error.extensions!.field as string).sort();
}

// A form sent with several bad fields learns of all of them at once, one error per field
// with its name, so that each message can stand beside its own field.
describe('an input with several bad fields, through the gateway', () => {
  const tp = platformSuite();
  const nurse = hireBeforeAll(tp, 'Nia', 'Forms');
  const asNurse = () => ({ role: 'EMPLOYEE' as const, sub: nurse.id });

  /** Sends `operation`, whose one mutation is named after it, and reads its refusal's fields. */
  const refusedBy = async (operation: string, input: object, caller: Caller, ran = true) => {
    const mutation = operation[0]!.toLowerCase() + operation.slice(1);
    return refusedFields(await tp.graphql(op(operation), { input }, caller), mutation, ran);
  };

  it('refuses createEmployee naming its three bad fields, and creates nobody', async () => {
    const input = personInput('   ', 'Forms', { email: 'not-an-address', hireDate: '2023-02-30' });
    expect(await refusedBy('CreateEmployee', input, hr)).toEqual([
      'email',
      'firstName',
      'hireDate',
    ]);
    const directory = await tp.graphql(
      'query ($s: String) { employees(first: 5, filter: { search: $s }) { totalCount } }',
      { s: 'Forms' },
      hr,
    );
    expect(directory.data?.employees.totalCount).toBe(1);
  });

  it('refuses updateEmployee naming both bad fields, and changes nothing', async () => {
    const input = {
      id: nurse.id,
      email: 'nia@',
      timeZone: 'Mars/Olympus_Mons',
      jobTitle: 'Sister',
    };
    expect(await refusedBy('UpdateEmployee', input, hr)).toEqual(['email', 'timeZone']);
    const profile = await tp.graphql(op('EmployeeProfile'), { id: nurse.id }, hr);
    expect(profile.data?.employee.jobTitle).toBe('Staff Nurse');
  });

  // Inputs and callers are made in the test: the nurse is hired in beforeAll.
  it.each([
    [
      'refuses createEmployee naming a single bad field alone, as before',
      'CreateEmployee',
      () => personInput('Ada', 'Single', { hireDate: 'yesterday' }),
      () => hr,
      ['hireDate'],
    ],
    [
      'refuses recordTimeEntry naming its two bad fields',
      'RecordTimeEntry',
      () => ({
        employeeId: nurse.id,
        periodType: 'SHIFT',
        startTime: 'yesterday at nine',
        endTime: '2025-04-01T17:00:00Z',
        mealBreakMinutes: -5,
      }),
      asNurse,
      ['mealBreakMinutes', 'startTime'],
    ],
    [
      'refuses requestLeave naming its two bad fields',
      'RequestLeave',
      () => ({ leaveType: 'ANNUAL', startDate: 'next Monday', endDate: '2025-02-30' }),
      asNurse,
      ['endDate', 'startDate'],
    ],
  ])('%s', async (_title, operation, input, caller, fields) => {
    expect(await refusedBy(operation, input(), caller())).toEqual(fields);
  });

  it('names every text over its bound at once, before the domain looks at it', async () => {
    const input = personInput('A'.repeat(1001), 'B'.repeat(1001), { email: 'ab@example.com' });
    expect(await refusedBy('CreateEmployee', input, hr, false)).toEqual([
      'input.firstName',
      'input.lastName',
    ]);
  });

  // Date is the subgraphs' scalar: the gateway passes the value on and the subgraph refuses it.
  it.each([
    ['a Date that is a number', { d: 12345 }, 'd'],
    [
      'a Date within an input that is a number',
      { input: { leaveType: 'ANNUAL', startDate: 5, endDate: '2026-01-05' } },
      'input.startDate',
    ],
  ])('names the variable of %s', async (_case, variables, field) => {
    const query =
      'd' in variables
        ? 'query ($d: Date) { accrualBalance(employeeId: "x", accrualType: NIGHT_HOURS, on: $d) { remaining } }'
        : 'query ($input: LeaveRequestPreviewInput!) { leaveRequestPreview(input: $input) { days } }';
    const result = await tp.graphql(query, variables, asNurse());
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
