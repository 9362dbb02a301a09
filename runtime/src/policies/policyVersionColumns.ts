import type { PropertyBuilders } from '../entityColumns';
import type { AnyRules, PolicyKind } from './policyRules';

/**
 * One version of one policy, as compliance stores it and the deciding subgraphs copy it:
 * which policy, its number, from when it holds, and its rules.
 */
export const policyVersionColumns = (p: PropertyBuilders) => ({
  kind: p.string().$type<PolicyKind>().length(20),
  key: p.string().length(30),
  version: p.integer(),
  effectiveFrom: p.datetime(),
  /** The whole rules of the version, never a patch. */
  rules: p.json<AnyRules>(),
});
