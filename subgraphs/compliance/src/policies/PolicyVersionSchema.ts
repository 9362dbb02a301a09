import type { InferEntity } from '@mikro-orm/core';
import { policyVersionColumns, uuidEntity } from '../../../../runtime';

export const PolicyVersionSchema = uuidEntity(
  'CompliancePolicyVersion',
  'compliance_policy_versions',
  (p) => ({
    ...policyVersionColumns(p),
    /** The token's subject of who made the change. */
    changedBy: p.string().length(255),
    reason: p.string().length(500).nullable(),
    createdAt: p.datetime(),
  }),
  {
    // Two changes racing for the same version: one of them fails here and tries again.
    uniques: [{ properties: ['kind', 'key', 'version'] }],
    indexes: [{ properties: ['kind', 'key', 'effectiveFrom'] }],
  },
);

/**
 * A version of a policy HR or ADMIN put in force (2, 3, ...). Version 1 is never stored:
 * it is the deployment's defaults, so a change of a setting variable changes it.
 */
export type StoredPolicyVersion = InferEntity<typeof PolicyVersionSchema>;
