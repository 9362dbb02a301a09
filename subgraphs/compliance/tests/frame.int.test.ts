import { startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('the compliance subgraph', () => {
  const h = suiteHarness(startCompliance);

  it('keeps the department and manager of the employees it hears of', async () => {
    const manager = await h.hire({ department: 'Nursing' });
    const nurse = await h.hire({ department: 'Nursing', managerId: manager });
    const reply = await h.entities(
      [{ __typename: 'Employee', id: nurse }],
      '... on Employee { id }',
    );
    expect(reply.errors).toBeUndefined();
    const copy = await h.runtime.orm.em.fork().findOne('ComplianceEmployee', { id: nurse });
    expect(copy).toMatchObject({ department: 'Nursing', managerId: manager });
  });
});
