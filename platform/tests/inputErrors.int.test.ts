import { contractOperation as op } from '../../test-support/contractOperation';
import { type GraphQLResult } from '../../test-support/createTestPlatform';
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

  it('refuses createEmployee naming its three bad fields, and creates nobody', async () => {
    const input = personInput('   ', 'Forms', { email: 'not-an-address', hireDate: '2023-02-30' });
    const result = await tp.graphql(op('CreateEmployee'), { input }, hr);

    expect(refusedFields(result, 'createEmployee')).toEqual(['email', 'firstName', 'hireDate']);
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
    const result = await tp.graphql(op('UpdateEmployee'), { input }, hr);

    expect(refusedFields(result, 'updateEmployee')).toEqual(['email', 'timeZone']);
    const profile = await tp.graphql(op('EmployeeProfile'), { id: nurse.id }, hr);
    expect(profile.data?.employee.jobTitle).toBe('Staff Nurse');
  });

  it('still names a single bad field alone, as before', async () => {
    const input = personInput('Ada', 'Single', { hireDate: 'yesterday' });
    const result = await tp.graphql(op('CreateEmployee'), { input }, hr);

    expect(refusedFields(result, 'createEmployee')).toEqual(['hireDate']);
  });

  it('refuses recordTimeEntry naming its two bad fields', async () => {
    const input = {
      employeeId: nurse.id,
      periodType: 'SHIFT',
      startTime: 'yesterday at nine',
      endTime: '2025-04-01T17:00:00Z',
      mealBreakMinutes: -5,
    };
    const result = await tp.graphql(op('RecordTimeEntry'), { input }, asNurse());

    expect(refusedFields(result, 'recordTimeEntry')).toEqual(['mealBreakMinutes', 'startTime']);
  });

  it('refuses requestLeave naming its two bad fields', async () => {
    const input = { leaveType: 'ANNUAL', startDate: 'next Monday', endDate: '2025-02-30' };
    const result = await tp.graphql(op('RequestLeave'), { input }, asNurse());

    expect(refusedFields(result, 'requestLeave')).toEqual(['endDate', 'startDate']);
  });

  it('names every text over its bound at once, before the domain looks at it', async () => {
    const input = personInput('A'.repeat(1001), 'B'.repeat(1001), { email: 'ab@example.com' });
    const result = await tp.graphql(op('CreateEmployee'), { input }, hr);

    expect(refusedFields(result, 'createEmployee', false)).toEqual([
      'input.firstName',
      'input.lastName',
    ]);
  });
});
