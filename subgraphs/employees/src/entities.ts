import { EntitySchema } from '@mikro-orm/core';
import type { EmployeeStatus } from '../../../runtime';

export type { EmployeeStatus };

export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** One row of `employees`. Phone and salary hold ciphertext, never clear values. */
export interface Employee {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Lower-cased email, unique, so uniqueness ignores case. */
  emailKey: string;
  phoneSealed: string | null;
  department: string;
  jobTitle: string;
  grade: string;
  employmentType: EmploymentType;
  status: EmployeeStatus;
  hireDate: string;
  terminationDate: string | null;
  managerId: string | null;
  location: string;
  timeZone: string;
  /** `{"amountMinor":…,"currency":…}`, sealed. */
  salarySealed: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const EmployeeSchema = new EntitySchema<Employee>({
  name: 'Employee',
  tableName: 'employees',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeNumber: { type: 'string', length: 20, unique: 'employees_employee_number_unique' },
    firstName: { type: 'string', length: 100 },
    lastName: { type: 'string', length: 100 },
    email: { type: 'string', length: 254 },
    emailKey: { type: 'string', length: 254, unique: 'employees_email_key_unique' },
    phoneSealed: { type: 'text', nullable: true },
    department: { type: 'string', length: 100, index: true },
    jobTitle: { type: 'string', length: 100 },
    grade: { type: 'string', length: 20 },
    employmentType: { type: 'string', length: 20 },
    status: { type: 'string', length: 20, index: true },
    hireDate: { type: 'date' },
    terminationDate: { type: 'date', nullable: true },
    managerId: { type: 'string', length: 36, nullable: true, index: true },
    location: { type: 'string', length: 20 },
    timeZone: { type: 'string', length: 64 },
    salarySealed: { type: 'text', nullable: true },
    // Optimistic lock: every flush that changes the row adds one and checks the old value.
    version: { type: 'integer', version: true },
    // `Date`, not 'datetime': on SQLite the latter reads back as changed on every flush.
    createdAt: { type: Date },
    updatedAt: { type: Date },
  },
  // The directory's keyset order; keeps every page an index range scan.
  indexes: [{ name: 'employees_name_order', properties: ['lastName', 'firstName', 'id'] }],
});

/**
 * Named counters, moved inside the transaction that needs them: the row lock
 * hands out human numbers (`E000123`) and serializes reporting-line changes.
 */
export interface EmployeeCounter {
  name: string;
  lastNumber: number;
}

export const EmployeeCounterSchema = new EntitySchema<EmployeeCounter>({
  name: 'EmployeeCounter',
  tableName: 'employee_counters',
  properties: {
    name: { type: 'string', primary: true, length: 40 },
    lastNumber: { type: 'integer' },
  },
});

export const entities = [EmployeeSchema, EmployeeCounterSchema];
