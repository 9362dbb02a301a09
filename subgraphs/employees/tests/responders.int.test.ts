import type { EntityManager } from '@mikro-orm/knex';
import { validEmployeeAnswer } from '../../../runtime';
import { employeeResponder } from '../src/responders';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { startEmployees } from './support';

describe('employees answers who someone is', () => {
  const h = suiteHarness(() => startEmployees());
  const ask = (question: Record<string, unknown>) =>
    employeeResponder.answer(question, { em: h.runtime.orm.em.fork() as EntityManager });

  it('by id, or by the employee number they hold, with what the created event carries', async () => {
    const id = await h.hire({ employeeNumber: 'R-1001', firstName: 'Rhea' });
    const byId = await ask({ employeeId: id });
    const byNumber = await ask({ employeeNumber: 'R-1001' });
    expect(byNumber).toEqual(byId);
    expect(validEmployeeAnswer(byNumber)).toBe(true);
    expect(byNumber).toMatchObject({
      employee: { employeeId: id, employeeNumber: 'R-1001', firstName: 'Rhea' },
    });
  });

  it('answers null for nobody, and for a question that names no id or number', async () => {
    for (const question of [
      { employeeNumber: 'R-404' },
      { employeeNumber: 'R 1001; drop table employees' },
      { employeeNumber: 'x'.repeat(21) },
      { employeeId: 'not-a-uuid' },
      { employeeNumber: 42 },
      {},
    ])
      expect(await ask(question)).toEqual({ employee: null });
  });
});
