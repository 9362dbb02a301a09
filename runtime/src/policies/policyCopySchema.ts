import { EntitySchema } from '@mikro-orm/core';
import type { AnyRules, PolicyKind } from './policyRules';

/** One version of one policy as a deciding subgraph keeps it, from compliance's events. */
export interface PolicyCopy {
  /** `<kind>:<key>:<version>`, so a second delivery of the event changes nothing. */
  id: string;
  kind: PolicyKind;
  key: string;
  version: number;
  effectiveFrom: Date;
  rules: AnyRules;
  receivedAt: Date;
}

export const policyCopyId = (kind: string, key: string, version: number): string =>
  `${kind}:${key}:${version}`;

/** The table of a subgraph's policy copies; each subgraph names its own entity. */
export function policyCopySchema(name = 'PolicyCopy', tableName = 'policy_copy') {
  return new EntitySchema<PolicyCopy>({
    name,
    tableName,
    properties: {
      id: { type: 'string', primary: true, length: 80 },
      kind: { type: 'string', length: 20 },
      key: { type: 'string', length: 30 },
      version: { type: 'integer' },
      effectiveFrom: { type: Date },
      rules: { type: 'json' },
      receivedAt: { type: Date },
    },
    indexes: [{ properties: ['kind', 'key', 'effectiveFrom'] }],
  });
}
