import type { AnyRules, PolicyKind } from './policyRules';

/** HR or ADMIN put a new version of a policy in force (from `effectiveFrom`). */
export const POLICY_UPDATED = 'compliance.policy.updated';

/** The data of {@link POLICY_UPDATED}: the whole new version, never a patch. */
export interface PolicyUpdatedData {
  kind: PolicyKind;
  key: string;
  version: number;
  /** ISO instant from which the version is in force. */
  effectiveFrom: string;
  rules: AnyRules;
  /** The rules of the version before, for the audit log. */
  previous: AnyRules;
  reason: string | null;
}
