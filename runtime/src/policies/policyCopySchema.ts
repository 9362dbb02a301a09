import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { policyVersionColumns } from './policyVersionColumns';

export const policyCopyId = (kind: string, key: string, version: number): string =>
  `${kind}:${key}:${version}`;

/** The table of a subgraph's policy copies; each subgraph names its own entity. */
export function policyCopySchema(name = 'PolicyCopy', tableName = 'policy_copy') {
  return defineEntity({
    name,
    tableName,
    properties: (p) => ({
      /** `<kind>:<key>:<version>`, so a second delivery of the event changes nothing. */
      id: p.string().primary().length(80),
      ...policyVersionColumns(p),
      receivedAt: p.datetime(),
    }),
    indexes: [{ properties: ['kind', 'key', 'effectiveFrom'] }],
  });
}

/** One version of one policy as a deciding subgraph keeps it, from compliance's events. */
export type PolicyCopy = InferEntity<ReturnType<typeof policyCopySchema>>;
