import type { EmployeeStatus, EmploymentType } from './entities';
import type { Money } from './validation';

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface CreateEmployeeInput {
  idempotencyKey?: string | null;
  employeeNumber?: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  department: string;
  jobTitle: string;
  grade: string;
  employmentType: EmploymentType;
  status?: EmployeeStatus | null;
  hireDate: string;
  managerId?: string | null;
  location?: string | null;
  timeZone?: string | null;
  salary?: Money | null;
}

/** Every field but `id` and `expectedVersion` is optional: absent means unchanged. */
export interface UpdateEmployeeInput {
  id: string;
  expectedVersion?: number | null;
  employeeNumber?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  grade?: string | null;
  employmentType?: EmploymentType | null;
  hireDate?: string | null;
  location?: string | null;
  timeZone?: string | null;
  salary?: Money | null;
}

export interface ChangeEmployeeStatusInput {
  id: string;
  status: EmployeeStatus;
  expectedVersion?: number | null;
}

export interface AssignManagerInput {
  id: string;
  managerId?: string | null;
  expectedVersion?: number | null;
}

export interface TerminateEmployeeInput {
  id: string;
  terminationDate: string;
  expectedVersion?: number | null;
}
