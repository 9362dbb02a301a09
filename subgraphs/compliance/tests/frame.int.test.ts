import { startCompliance, type ComplianceHarness } from './support';

describe('the compliance subgraph', () => {
  let h: ComplianceHarness;
  beforeAll(async () => {
    h = await startCompliance();
  });
  afterAll(() => h.stop());

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
