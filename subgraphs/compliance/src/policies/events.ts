import { draftOf, type EventData } from '../../../../messaging';
import { type AnyRules, keysOf, POLICY_UPDATED, type PolicyKind } from '../../../../runtime';

/** A policy's key: a leave type, or DEFAULT for a kind with one policy. */
export type PolicyKey = EventData<typeof POLICY_UPDATED>['key'];

/** Whether `key` names a policy of `kind`. */
export const isKeyOf = (kind: PolicyKind, key: string): key is PolicyKey =>
  keysOf(kind).includes(key);

/** The version a change put in force, as its event tells it. */
export interface UpdatedVersion {
  kind: PolicyKind;
  key: PolicyKey;
  version: number;
  effectiveFrom: Date;
  rules: AnyRules;
  reason: string | null;
}

/** A new version of a policy, whole, with the rules of the version before for the audit log. */
export const policyUpdated = (
  { kind, key, version, effectiveFrom, rules, reason }: UpdatedVersion,
  previous: AnyRules,
) =>
  draftOf(POLICY_UPDATED, `${kind}:${key}`, {
    kind,
    key,
    version,
    effectiveFrom: effectiveFrom.toISOString(),
    rules,
    previous,
    reason,
  });
