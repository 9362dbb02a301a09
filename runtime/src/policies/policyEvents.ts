import type { EventData } from '../../../messaging';

/** HR or ADMIN put a new version of a policy in force (from `effectiveFrom`). */
export const POLICY_UPDATED = 'compliance.policy.updated';

/** The data of {@link POLICY_UPDATED}: the whole new version, never a patch. */
export type PolicyUpdatedData = EventData<typeof POLICY_UPDATED>;
