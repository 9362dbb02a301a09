import type { InferEntity } from '@mikro-orm/core';
import {
  type EmployeeStatus,
  optimisticLock,
  tableEntity,
  timestamps,
  uuidEntity,
} from '../../../runtime';

export type { EmployeeStatus };

export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EmployeeSchema = uuidEntity(
  'Employee',
  'employees',
  (p) => ({
    employeeNumber: p.string().length(20).unique('employees_employee_number_unique'),
    firstName: p.string().length(100),
    lastName: p.string().length(100),
    email: p.string().length(254),
    /** Lower-cased email, unique, so uniqueness ignores case. */
    emailKey: p.string().length(254).unique('employees_email_key_unique'),
    phoneSealed: p.text().nullable(),
    department: p.string().length(100).index(),
    jobTitle: p.string().length(100),
    grade: p.string().length(20),
    employmentType: p.string().$type<EmploymentType>().length(20),
    status: p.string().$type<EmployeeStatus>().length(20).index(),
    hireDate: p.date(),
    terminationDate: p.date().nullable(),
    managerId: p.string().length(36).nullable().index(),
    location: p.string().length(20),
    timeZone: p.string().length(64),
    /** `{"amountMinor":…,"currency":…}`, sealed. */
    salarySealed: p.text().nullable(),
    ...optimisticLock(p),
    ...timestamps(p),
  }),
  {
    // The directory's keyset order; keeps every page an index range scan.
    indexes: [{ name: 'employees_name_order', properties: ['lastName', 'firstName', 'id'] }],
  },
);

/** One row of `employees`. Phone and salary hold ciphertext, never clear values. */
export type Employee = InferEntity<typeof EmployeeSchema>;

export const EmployeeCounterSchema = tableEntity('EmployeeCounter', 'employee_counters', (p) => ({
  name: p.string().primary().length(40),
  lastNumber: p.integer(),
}));

/**
 * Named counters, moved inside the transaction that needs them: the row lock
 * hands out human numbers (`E000123`) and serializes reporting-line changes.
 */
export type EmployeeCounter = InferEntity<typeof EmployeeCounterSchema>;

export const entities = [EmployeeSchema, EmployeeCounterSchema];
