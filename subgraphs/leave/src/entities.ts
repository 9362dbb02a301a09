import type { InferEntity } from '@mikro-orm/core';
import {
  agreementCopySchema,
  employeeCopySchema,
  type LeaveType,
  mutationTrail,
  PLACED_COLUMNS,
  type PlacedEmployeeCopy,
  uuidEntity,
} from '../../../runtime';
import { LeavePolicyCopySchema } from './leavePolicies';
import type { Weekday } from './days';

export const LEAVE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** The statuses that hold days: they count against the balance and block overlaps. */
export const ACTIVE_STATUSES: LeaveStatus[] = ['PENDING', 'APPROVED'];

/** One day a request charges: half days are 1, whole days 2 (integers, never floats). */
export interface ChargedDay {
  date: string;
  halves: number;
}

export const LeaveRequestSchema = uuidEntity(
  'LeaveRequest',
  'leave_requests',
  (p) => ({
    employeeId: p.string().length(36),
    leaveType: p.string().$type<LeaveType>().length(20),
    startDate: p.string().length(10),
    /** Inclusive. */
    endDate: p.string().length(10),
    halfDayStart: p.boolean(),
    halfDayEnd: p.boolean(),
    /** Days charged, in halves (3 = 1.5 days). */
    halfDays: p.integer(),
    /** The days charged, one by one, for balances by leave year and attendance. */
    chargedDays: p.json<ChargedDay[]>(),
    /**
     * The version of the type's LEAVE policy in force when it was made: every step judges by it.
     * Requests made before policies had versions were judged by the defaults: version 1.
     */
    policyVersion: p.integer().default(1),
    status: p.string().$type<LeaveStatus>().length(20),
    reason: p.string().length(500).nullable(),
    /** Who asked (token subject): the employee, or HR on their behalf. */
    requestedBy: p.string().length(200),
    /** The employee's manager when the request was made. */
    managerId: p.string().length(36).nullable(),
    /** The manager's or HR's decision, kept after a later cancellation. */
    decision: p.string().$type<'APPROVED' | 'REJECTED'>().length(20).nullable(),
    decidedBy: p.string().length(200).nullable(),
    decidedAt: p.datetime().nullable(),
    rejectionReason: p.string().length(500).nullable(),
    cancelledBy: p.string().length(200).nullable(),
    cancelledAt: p.datetime().nullable(),
    ...mutationTrail(p),
  }),
  {
    indexes: [
      { name: 'leave_requests_employee_start', properties: ['employeeId', 'startDate'] },
      { name: 'leave_requests_status', properties: ['status', 'employeeId'] },
    ],
  },
);

/** A request for leave and where it stands in the workflow. */
export type LeaveRequest = InferEntity<typeof LeaveRequestSchema>;

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../runtime';

/**
 * Leave's own copy of what it needs of an employee, fed by employees' events, so leave
 * keeps deciding while the employees subgraph is down.
 */
export type EmployeeCopy = PlacedEmployeeCopy;

export const EmployeeCopySchema = employeeCopySchema<EmployeeCopy>(
  'LeaveEmployee',
  'leave_employees',
  PLACED_COLUMNS,
);

export const AgreementCopySchema = agreementCopySchema(
  'LeaveAgreement',
  'leave_agreements',
  (p) => ({
    /** Full-time equivalent in ten-thousandths (7500 = 0.75). */
    fteUnits: p.integer(),
    /** Annual leave days the agreement gives, in hundredths; null when its events carry none. */
    annualLeaveHundredths: p.integer().nullable(),
    /** The working pattern; null when its events carry none (Monday to Friday then). */
    workingDays: p.json<Weekday[]>().nullable(),
  }),
);

/** Leave's copy of an agreement (its newest version), fed by agreements' events. */
export type AgreementCopy = InferEntity<typeof AgreementCopySchema>;

export const entities = [
  LeaveRequestSchema,
  EmployeeCopySchema,
  AgreementCopySchema,
  LeavePolicyCopySchema,
];
