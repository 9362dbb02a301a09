import { v7 as uuidv7 } from 'uuid';
import { personInput, startEmployees } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('employees: requests at the same time', () => {
  const h = suiteHarness(startEmployees);

  it('lets one of two changes from the same version through, and refuses the other', async () => {
    const id = await h.hire();
    const replies = await Promise.all(
      ['Sister', 'Matron'].map((jobTitle) =>
        h.op('UpdateEmployee', { input: { id, expectedVersion: 1, jobTitle } }),
      ),
    );
    const codes = replies.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const updates = await h.eventsAbout(id, 'employees.employee.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0].data.version).toBe(2);
  });

  it('creates one employee for two requests with the same email', async () => {
    const email = `twin.${uuidv7()}@example.com`;
    const replies = await Promise.all(
      [1, 2].map(() => h.op('CreateEmployee', { input: personInput({ email }) })),
    );
    const outcomes = replies.map((r) => r.errors?.[0]?.extensions ?? { code: 'OK' });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { code: 'OK' },
        expect.objectContaining({ code: 'CONFLICT', field: 'email' }),
      ]),
    );
    expect((await h.rows()).filter((r) => r.email === email)).toHaveLength(1);
  });

  it('creates one employee for two requests with the same idempotency key', async () => {
    const input = personInput({ idempotencyKey: uuidv7() });
    const replies = await Promise.all([1, 2].map(() => h.op('CreateEmployee', { input })));
    expect(replies.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(replies[0].data!.createEmployee.id).toBe(replies[1].data!.createEmployee.id);
    expect((await h.rows()).filter((r) => r.email === input.email)).toHaveLength(1);
  });

  it('never closes a reporting loop from two assignments at once', async () => {
    const [a, b] = [await h.hire(), await h.hire()];
    const replies = await Promise.all([
      h.op('AssignManager', { input: { id: a, managerId: b } }),
      h.op('AssignManager', { input: { id: b, managerId: a } }),
    ]);
    const outcomes = replies.map((r) => r.errors?.[0]?.extensions?.reason ?? 'OK').sort();
    expect(outcomes).toEqual(['MANAGER_CYCLE', 'OK']);
  });

  it('numbers employees created at once without a clash', async () => {
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.op('CreateEmployee', { input: personInput({ employeeNumber: null }) }),
      ),
    );
    expect(replies.every((r) => !r.errors)).toBe(true);
    const numbers = replies.map((r) => r.data!.createEmployee.employeeNumber);
    expect(new Set(numbers).size).toBe(5);
  });
});
