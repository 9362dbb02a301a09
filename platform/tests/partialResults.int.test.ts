import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';

const ON = '2025-06-01';

const PROFILE = `query Profile($id: ID!, $on: Date!) {
  employee(id: $id) { id firstName lastName department leaveBalances(on: $on) { leaveType remaining } }
}`;

const ME = `query MeWithLeave($on: Date!) {
  me { id firstName leaveBalances(on: $on) { leaveType remaining } }
}`;

// A field the caller may not read, or whose subgraph cannot answer, comes back null with
// its own error; the employee it hangs on, and that employee's other fields, still come.
describe('an error on a contributed field stays on that field', () => {
  const tp = platformSuite();
  const ada = hireBeforeAll(tp, 'Ada', 'Field');
  const ben = hireBeforeAll(tp, 'Ben', 'Colleague');
  const asAda = () => ({ role: 'EMPLOYEE' as const, sub: ada.id });

  it("gives an employee a colleague's directory fields and refuses only their leave balances", async () => {
    const { data, errors } = await tp.graphql(PROFILE, { id: ben.id, on: ON }, asAda());

    expect(data?.employee).toEqual({
      id: ben.id,
      firstName: 'Ben',
      lastName: 'Colleague',
      department: 'Emergency Medicine',
      leaveBalances: null,
    });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['employee', 'leaveBalances'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('still gives an employee their own leave balances beside their name', async () => {
    const { data, errors } = await tp.graphql(ME, { on: ON }, asAda());

    expect(errors).toBeUndefined();
    expect(data?.me.firstName).toBe('Ada');
    expect(Array.isArray(data?.me.leaveBalances)).toBe(true);
  });

  it('keeps `me` and its name while the leave subgraph is down', async () => {
    await tp.platform.runtimes.leave!.stop();

    const { data, errors } = await tp.graphql(ME, { on: ON }, asAda());

    expect(data?.me).toEqual({ id: ada.id, firstName: 'Ada', leaveBalances: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['me', 'leaveBalances'],
      extensions: { code: 'UNAVAILABLE' },
    });
  });
});
