import { EntitySchema } from '@mikro-orm/core';
import type { AnyRules, PolicyKind } from '../../../../runtime';

/**
 * A version of a policy HR or ADMIN put in force (2, 3, ...). Version 1 is never stored:
 * it is the deployment's defaults, so a change of a setting variable changes it.
 */
export interface StoredPolicyVersion {
  id: string;
  kind: PolicyKind;
  key: string;
  version: number;
  effectiveFrom: Date;
  /** The whole rules of the version, never a patch. */
  rules: AnyRules;
  /** The token's subject of who made the change. */
  changedBy: string;
  reason: string | null;
  createdAt: Date;
}

export const PolicyVersionSchema = new EntitySchema<StoredPolicyVersion>({
  name: 'CompliancePolicyVersion',
  tableName: 'compliance_policy_versions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    kind: { type: 'string', length: 20 },
    key: { type: 'string', length: 30 },
    version: { type: 'integer' },
    effectiveFrom: { type: Date },
    rules: { type: 'json' },
    changedBy: { type: 'string', length: 255 },
    reason: { type: 'string', length: 500, nullable: true },
    createdAt: { type: Date },
  },
  // Two changes racing for the same version: one of them fails here and tries again.
  uniques: [{ properties: ['kind', 'key', 'version'] }],
  indexes: [{ properties: ['kind', 'key', 'effectiveFrom'] }],
});
