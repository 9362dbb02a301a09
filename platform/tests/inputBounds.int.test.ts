import { contractOperation } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { personInput } from '../../test-support/seedOrganisation';

const DIRECTORY = contractOperation('EmployeeDirectory');

// Text the databases refuse or choke on is a client's mistake, told as such before it gets there.
describe('text inputs through the gateway', () => {
  const tp = platformSuite({}, 120_000);
  const hr = { role: 'HR' as const, sub: 'service:hr' };

  it('refuses a NUL character in a name as BAD_USER_INPUT naming each field, and stores nothing', async () => {
    // The test's address is made from the name, so it holds the NUL too: both are named.
    const input = personInput('Ada\u0000', 'Lovelace');
    const reply = await tp.graphql(contractOperation('CreateEmployee'), { input }, hr);
    expect(reply.errors).toEqual(
      ['input.firstName', 'input.email'].map((field) =>
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            field,
            reason: 'CONTROL_CHARACTER',
          }),
        }),
      ),
    );
    const directory = await tp.graphql(DIRECTORY, { filter: { search: 'Lovelace' } }, hr);
    expect(directory.data?.employees.totalCount).toBe(0);
  });

  it('refuses a search of 50,000 characters as BAD_USER_INPUT naming the field', async () => {
    const reply = await tp.graphql(DIRECTORY, { filter: { search: 'x'.repeat(50_000) } }, hr);
    expect(reply.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          field: 'filter.search',
          reason: 'TEXT_TOO_LONG',
        }),
      }),
    ]);
  });

  it('still searches with text up to the bound', async () => {
    const reply = await tp.graphql(DIRECTORY, { filter: { search: 'x'.repeat(100) } }, hr);
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.employees.totalCount).toBe(0);
  });
});
