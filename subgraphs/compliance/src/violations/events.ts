import { draftOf } from '../../../../messaging';
import type { PolicyRef } from '../../../../runtime';
import type { Violation } from './entities';

export const VIOLATION_DETECTED = 'compliance.violation.detected';
export const VIOLATION_CLOSED = 'compliance.violation.closed';

/** The policy version a violation was judged by, when it names one. */
export const policyOf = (v: Violation): PolicyRef | null =>
  v.policyKind && v.policyKey && v.policyVersion
    ? { kind: v.policyKind, key: v.policyKey, version: v.policyVersion }
    : null;

export const violationDetected = (v: Violation, managerId: string | null) =>
  draftOf(VIOLATION_DETECTED, v.id, {
    violationId: v.id,
    employeeId: v.employeeId,
    managerId,
    rule: v.rule,
    fromDate: v.fromDate,
    toDate: v.toDate,
    message: v.message,
    policy: policyOf(v),
    source: v.source,
    sourceEventId: v.sourceEventId,
    detectedAt: v.detectedAt.toISOString(),
    version: v.version,
    details: v.details,
  });

/** A closed violation: `closedAt`, `closedBy` and `closingNote` are set. */
export const violationClosed = (v: Violation) =>
  draftOf(VIOLATION_CLOSED, v.id, {
    violationId: v.id,
    employeeId: v.employeeId,
    rule: v.rule,
    version: v.version,
    closedAt: v.closedAt!.toISOString(),
    closedBy: v.closedBy!,
    note: v.closingNote!,
  });
