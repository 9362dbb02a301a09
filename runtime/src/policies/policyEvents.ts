import type { EventData } from '../../../messaging';

/** HR or ADMIN put a new version of a policy in force (from `effectiveFrom`). */
export const POLICY_UPDATED = 'compliance.policy.updated';

/** The data of {@link POLICY_UPDATED}: the whole new version, never a patch. */
export type PolicyUpdatedData = EventData<typeof POLICY_UPDATED>;

/**
 * What an event says of the policy version that judged what it reports: its
 * `policyVersion`, or nothing when no version did (the catalogue has the field optional).
 */
export const judgedBy = (policyVersion: number | undefined) =>
  policyVersion === undefined ? {} : { policyVersion };
