import { EntitySchema } from '@mikro-orm/core';
import {
  employeeCopySchema,
  type LeaveType,
  PLACED_COLUMNS,
  type PlacedEmployeeCopy,
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

/** A request for leave and where it stands in the workflow. */
export interface LeaveRequest {
  id: string;
  employeeId: string;
  leaveType: LeaveType;
  startDate: string;
  /** Inclusive. */
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  /** Days charged, in halves (3 = 1.5 days). */
  halfDays: number;
  /** The days charged, one by one, for balances by leave year and attendance. */
  chargedDays: ChargedDay[];
  /** The version of the type's LEAVE policy in force when it was made: every step judges by it. */
  policyVersion: number;
  status: LeaveStatus;
  reason: string | null;
  /** Who asked (token subject): the employee, or HR on their behalf. */
  requestedBy: string;
  /** The employee's manager when the request was made. */
  managerId: string | null;
  /** The manager's or HR's decision, kept after a later cancellation. */
  decision: 'APPROVED' | 'REJECTED' | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  cancelledBy: string | null;
  cancelledAt: Date | null;
  version: number;
  correlationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const LeaveRequestSchema = new EntitySchema<LeaveRequest>({
  name: 'LeaveRequest',
  tableName: 'leave_requests',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    leaveType: { type: 'string', length: 20 },
    startDate: { type: 'string', length: 10 },
    endDate: { type: 'string', length: 10 },
    halfDayStart: { type: 'boolean' },
    halfDayEnd: { type: 'boolean' },
    halfDays: { type: 'integer' },
    chargedDays: { type: 'json' },
    // Requests made before policies had versions were judged by the defaults: version 1.
    policyVersion: { type: 'integer', default: 1 },
    status: { type: 'string', length: 20 },
    reason: { type: 'string', length: 500, nullable: true },
    requestedBy: { type: 'string', length: 200 },
    managerId: { type: 'string', length: 36, nullable: true },
    decision: { type: 'string', length: 20, nullable: true },
    decidedBy: { type: 'string', length: 200, nullable: true },
    decidedAt: { type: Date, nullable: true },
    rejectionReason: { type: 'string', length: 500, nullable: true },
    cancelledBy: { type: 'string', length: 200, nullable: true },
    cancelledAt: { type: Date, nullable: true },
    // Optimistic lock: every flush that changes the row adds one and checks the old value.
    version: { type: 'integer', version: true },
    correlationId: { type: 'string', length: 200 },
    createdAt: { type: Date },
    updatedAt: { type: Date },
  },
  indexes: [
    { name: 'leave_requests_employee_start', properties: ['employeeId', 'startDate'] },
    { name: 'leave_requests_status', properties: ['status', 'employeeId'] },
  ],
});

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

/** Leave's copy of an agreement (its newest version), fed by agreements' events. */
export interface AgreementCopy {
  id: string;
  employeeId: string;
  startDate: string;
  /** Inclusive. */
  endDate: string;
  /** Full-time equivalent in ten-thousandths (7500 = 0.75). */
  fteUnits: number;
  /** Annual leave days the agreement gives, in hundredths; null when its events carry none. */
  annualLeaveHundredths: number | null;
  /** The working pattern; null when its events carry none (Monday to Friday then). */
  workingDays: Weekday[] | null;
  version: number;
}

export const AgreementCopySchema = new EntitySchema<AgreementCopy>({
  name: 'LeaveAgreement',
  tableName: 'leave_agreements',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    startDate: { type: 'string', length: 10 },
    endDate: { type: 'string', length: 10 },
    fteUnits: { type: 'integer' },
    annualLeaveHundredths: { type: 'integer', nullable: true },
    workingDays: { type: 'json', nullable: true },
    version: { type: 'integer' },
  },
});

export const entities = [
  LeaveRequestSchema,
  EmployeeCopySchema,
  AgreementCopySchema,
  LeavePolicyCopySchema,
];
