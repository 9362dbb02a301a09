import { agreementInput, startAgreements } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const h = suiteHarness(startAgreements);

const CREATE = `mutation C($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`;
const AMEND = `mutation A($input: AmendAgreementInput!) { amendAgreement(input: $input) { version } }`;

it('of two overlapping agreements created at once, exactly one goes in', async () => {
  const employeeId = await h.knownEmployee('Q0001');
  const replies = await Promise.all(
    ['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01'].map((startDate) =>
      h.gql(CREATE, { input: agreementInput(employeeId, { startDate }) }),
    ),
  );
  const ok = replies.filter((r) => !r.errors);
  expect(ok).toHaveLength(1);
  for (const r of replies.filter((reply) => reply.errors))
    expect(r.errors![0].extensions).toMatchObject({ rule: 'AGREEMENT_OVERLAP' });
});

it('of two amendments from the same version, one wins and the other is a CONFLICT', async () => {
  const employeeId = await h.knownEmployee('Q0002');
  const { id } = await h.create(agreementInput(employeeId));
  const replies = await Promise.all(
    [0.5, 0.6].map((fte) =>
      h.gql(AMEND, { input: { id, effectiveFrom: '2025-09-01', fte, expectedVersion: 1 } }),
    ),
  );
  expect(replies.filter((r) => !r.errors)).toHaveLength(1);
  const loser = replies.find((r) => r.errors)!;
  expect(loser.errors![0].extensions?.code).toBe('CONFLICT');
});
