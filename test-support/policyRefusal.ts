import type { GraphQLResult } from './createTestPlatform';

type Refusal = NonNullable<GraphQLResult['errors']>[number];

/**
 * Expects `result` refused by a business rule and nothing else: one error, a POLICY_VIOLATION
 * whose extensions hold `expected` (the policy that judged, and the rule where a suite names
 * it). Returns the refusal, whose message the suite checks in its own words.
 */
export function onlyPolicyRefusal(
  result: Pick<GraphQLResult, 'errors'>,
  expected: { policy: { kind: string; key: string; version: number }; rule?: string },
): Refusal {
  expect(result.errors).toHaveLength(1);
  const refusal = result.errors![0]!;
  expect(refusal.extensions).toMatchObject({ code: 'POLICY_VIOLATION', ...expected });
  return refusal;
}
