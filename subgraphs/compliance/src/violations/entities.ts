import type { InferEntity } from '@mikro-orm/core';
import type { EventData } from '../../../../messaging';
import { employeeDay, type PolicyKind, uuidEntity } from '../../../../runtime';

export const VIOLATION_RULES = [
  'HR_EXCEPTION',
  'DAILY_OVERTIME_CAP',
  'LONGEST_SHIFT',
  'MINIMUM_BREAK',
  'LATE_PATTERN',
] as const;
export type ViolationRule = (typeof VIOLATION_RULES)[number];

export type ViolationStatus = 'OPEN' | 'CLOSED';

/** A working-time rule HR may waive for one time entry (its `complianceException`). */
export type WaivedRule = NonNullable<
  EventData<'time.entry.recorded'>['complianceException']
>['rules'][number];

/** The figures behind a finding, as the detected event carries them; which ones depend on the rule. */
export type ViolationDetails = EventData<'compliance.violation.detected'>['details'];

export const ViolationSchema = uuidEntity(
  'ComplianceViolation',
  'compliance_violations',
  (p) => ({
    employeeId: p.string().length(36),
    rule: p.string().$type<ViolationRule>().length(30),
    message: p.text(),
    fromDate: p.string().length(10),
    toDate: p.string().length(10),
    policyKind: p.string().$type<PolicyKind>().length(20).nullable(),
    policyKey: p.string().length(30).nullable(),
    policyVersion: p.integer().nullable(),
    /** The event type it was found in. */
    source: p.string().length(100),
    /** The event it was found in: with the rule, what makes a second delivery change nothing. */
    sourceEventId: p.string().length(100),
    details: p.json<ViolationDetails>(),
    detectedAt: p.datetime(),
    status: p.string().$type<ViolationStatus>().length(10),
    closedAt: p.datetime().nullable(),
    closedBy: p.string().length(200).nullable(),
    closingNote: p.text().nullable(),
    version: p.integer(),
  }),
  {
    uniques: [{ name: 'compliance_violations_source', properties: ['sourceEventId', 'rule'] }],
    indexes: [
      { name: 'compliance_violations_newest', properties: ['detectedAt', 'id'] },
      { name: 'compliance_violations_employee', properties: ['employeeId', 'rule', 'fromDate'] },
    ],
  },
);

/** A breach of a policy found after the fact in another domain's event. */
export type Violation = InferEntity<typeof ViolationSchema>;

export const LateArrivalSchema = uuidEntity(
  'ComplianceLateArrival',
  'compliance_late_arrivals',
  (p) => ({
    ...employeeDay(p),
    dayId: p.string().length(36),
    lateByMinutes: p.integer(),
    sourceEventId: p.string().length(100),
    receivedAt: p.datetime(),
  }),
  {
    uniques: [{ name: 'compliance_late_arrivals_day', properties: ['employeeId', 'date'] }],
  },
);

/** A late arrival attendance reported, kept to find patterns of them. */
export type LateArrival = InferEntity<typeof LateArrivalSchema>;
