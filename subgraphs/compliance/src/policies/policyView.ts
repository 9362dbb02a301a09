import type { PolicyKind } from '../../../../runtime';
import type { PolicyRecord } from './policyHistory';

/** The field of `CompliancePolicy` (and of the update's input) that holds a kind's rules. */
export const RULES_FIELD: Record<PolicyKind, 'leave' | 'attendance' | 'workingTime' | 'retention'> =
  {
    LEAVE: 'leave',
    ATTENDANCE: 'attendance',
    WORKING_TIME: 'workingTime',
    RETENTION: 'retention',
  };

/** A `CompliancePolicy` as GraphQL returns it. */
export interface PolicyView {
  kind: PolicyKind;
  key: string;
  version: number;
  effectiveFrom: Date;
  inForce: boolean;
  changedBy: string | null;
  reason: string | null;
  leave: unknown;
  attendance: unknown;
  workingTime: unknown;
  retention: unknown;
}

/** `record` as GraphQL shows it; `inForceNow` is the version of its policy in force now. */
export function toPolicyView(record: PolicyRecord, inForceNow: number): PolicyView {
  const view: PolicyView = {
    kind: record.kind,
    key: record.key,
    version: record.version,
    effectiveFrom: record.effectiveFrom,
    inForce: record.version === inForceNow,
    changedBy: record.changedBy,
    reason: record.reason,
    leave: null,
    attendance: null,
    workingTime: null,
    retention: null,
  };
  view[RULES_FIELD[record.kind]] = record.rules;
  return view;
}
