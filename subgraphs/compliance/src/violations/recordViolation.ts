import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { PolicyRef } from '../../../../runtime';
import { EmployeeCopySchema } from '../entities';
import type { Emit } from '../events';
import type { Reads } from './reads';
import {
  ViolationSchema,
  type Violation,
  type ViolationDetails,
  type ViolationRule,
} from './entities';
import { violationDetected } from './events';

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

/**
 * Where a detector records: the consumer's transaction, its emit and the clock; and where it
 * reads the person's zone and the policies.
 */
export interface Recording {
  em: EntityManager;
  reads: Reads;
  emit: Emit;
  now: Date;
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
  emit(violationDetected(violation, copy?.managerId ?? null));
  return violation;
}
