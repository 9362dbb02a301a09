import { EntitySchema } from '@mikro-orm/core';
import type { EventData } from '../../../../messaging';
import type { PolicyKind } from '../../../../runtime';

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

/** The figures behind a finding; which ones depend on the rule (see the detected contract). */
export interface ViolationDetails {
  minutes?: number;
  limitMinutes?: number;
  breakMinutes?: number;
  breakDueMinutes?: number;
  lateArrivals?: number;
  windowDays?: number;
  waivedRules?: WaivedRule[];
  reason?: string;
}

/** A breach of a policy found after the fact in another domain's event. */
export interface Violation {
  id: string;
  employeeId: string;
  rule: ViolationRule;
  message: string;
  fromDate: string;
  toDate: string;
  policyKind: PolicyKind | null;
  policyKey: string | null;
  policyVersion: number | null;
  /** The event type it was found in. */
  source: string;
  /** The event it was found in: with the rule, what makes a second delivery change nothing. */
  sourceEventId: string;
  details: ViolationDetails;
  detectedAt: Date;
  status: ViolationStatus;
  closedAt: Date | null;
  closedBy: string | null;
  closingNote: string | null;
  version: number;
}

export const ViolationSchema = new EntitySchema<Violation>({
  name: 'ComplianceViolation',
  tableName: 'compliance_violations',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    rule: { type: 'string', length: 30 },
    message: { type: 'text' },
    fromDate: { type: 'string', length: 10 },
    toDate: { type: 'string', length: 10 },
    policyKind: { type: 'string', length: 20, nullable: true },
    policyKey: { type: 'string', length: 30, nullable: true },
    policyVersion: { type: 'integer', nullable: true },
    source: { type: 'string', length: 100 },
    sourceEventId: { type: 'string', length: 100 },
    details: { type: 'json' },
    detectedAt: { type: Date },
    status: { type: 'string', length: 10 },
    closedAt: { type: Date, nullable: true },
    closedBy: { type: 'string', length: 200, nullable: true },
    closingNote: { type: 'text', nullable: true },
    version: { type: 'integer' },
  },
  uniques: [{ name: 'compliance_violations_source', properties: ['sourceEventId', 'rule'] }],
  indexes: [
    { name: 'compliance_violations_newest', properties: ['detectedAt', 'id'] },
    { name: 'compliance_violations_employee', properties: ['employeeId', 'rule', 'fromDate'] },
  ],
});

/** A late arrival attendance reported, kept to find patterns of them. */
export interface LateArrival {
  id: string;
  employeeId: string;
  date: string;
  dayId: string;
  lateByMinutes: number;
  sourceEventId: string;
  receivedAt: Date;
}

export const LateArrivalSchema = new EntitySchema<LateArrival>({
  name: 'ComplianceLateArrival',
  tableName: 'compliance_late_arrivals',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    date: { type: 'string', length: 10 },
    dayId: { type: 'string', length: 36 },
    lateByMinutes: { type: 'integer' },
    sourceEventId: { type: 'string', length: 100 },
    receivedAt: { type: Date },
  },
  uniques: [{ name: 'compliance_late_arrivals_day', properties: ['employeeId', 'date'] }],
});
