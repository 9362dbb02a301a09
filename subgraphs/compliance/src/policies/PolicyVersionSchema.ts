import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AnyRules, PolicyKind } from '../../../../runtime';

export const PolicyVersionSchema = defineEntity({
  name: 'CompliancePolicyVersion',
  tableName: 'compliance_policy_versions',
  properties: (p) => ({
    id: p.string().primary().length(36),
    kind: p.string().$type<PolicyKind>().length(20),
    key: p.string().length(30),
    version: p.integer(),
    effectiveFrom: p.datetime(),
    /** The whole rules of the version, never a patch. */
    rules: p.json<AnyRules>(),
    /** The token's subject of who made the change. */
    changedBy: p.string().length(255),
    reason: p.string().length(500).nullable(),
    createdAt: p.datetime(),
  }),
  // Two changes racing for the same version: one of them fails here and tries again.
  uniques: [{ properties: ['kind', 'key', 'version'] }],
  indexes: [{ properties: ['kind', 'key', 'effectiveFrom'] }],
});

/**
 * A version of a policy HR or ADMIN put in force (2, 3, ...). Version 1 is never stored:
 * it is the deployment's defaults, so a change of a setting variable changes it.
 */
export type StoredPolicyVersion = InferEntity<typeof PolicyVersionSchema>;
