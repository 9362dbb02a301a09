import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { EventDraft } from '../../../../messaging/src/types';
import type { PolicyRef } from '../../../../runtime/src/policies';
import { EmployeeCopySchema } from '../entities';
import {
  ViolationSchema,
  type Violation,
  type ViolationDetails,
  type ViolationRule,
} from './entities';

export const VIOLATION_DETECTED = 'compliance.violation.detected';

/** What a detector found, before it is a violation. */
export interface Finding {
  employeeId: string;
  rule: ViolationRule;
  message: string;
  fromDate: string;
  toDate: string;
  policy: PolicyRef | null;
  details: ViolationDetails;
  source: string;
  sourceEventId: string;
}

/** Where a detector records: the consumer's transaction, its emit and the clock. */
export interface Recording {
  em: EntityManager;
  emit: (draft: EventDraft) => void;
  now: Date;
}

export const policyOf = (v: Violation): PolicyRef | null =>
  v.policyKind && v.policyKey && v.policyVersion
    ? { kind: v.policyKind, key: v.policyKey, version: v.policyVersion }
    : null;

function detected(v: Violation, managerId: string | null): EventDraft {
  return {
    type: VIOLATION_DETECTED,
    subject: v.id,
    data: {
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
    },
  };
}

/**
 * Records a finding as an open violation and emits `compliance.violation.detected`; a
 * finding already recorded from the same event and rule (a redelivery) records nothing.
 */
export async function recordViolation(
  { em, emit, now }: Recording,
  finding: Finding,
): Promise<Violation | null> {
  const { sourceEventId, rule } = finding;
  if (await em.findOne(ViolationSchema, { sourceEventId, rule })) return null;
  const { policy, ...rest } = finding;
  const violation = em.create(ViolationSchema, {
    ...rest,
    id: uuidv7(),
    policyKind: policy?.kind ?? null,
    policyKey: policy?.key ?? null,
    policyVersion: policy?.version ?? null,
    detectedAt: now,
    status: 'OPEN',
    closedAt: null,
    closedBy: null,
    closingNote: null,
    version: 1,
  });
  await em.persist(violation).flush();
  const copy = await em.findOne(EmployeeCopySchema, finding.employeeId);
  emit(detected(violation, copy?.managerId ?? null));
  return violation;
}
