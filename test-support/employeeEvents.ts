import { v7 as uuidv7 } from 'uuid';
import type { PlacedEmployeeCopy } from '../runtime';

/** The data of an employees.employee.created event, as the employees subgraph publishes it. */
export function createdData(id: string, overrides: Record<string, unknown> = {}) {
  return {
    employeeId: id,
    employeeNumber: `E${id.slice(-6)}`,
    version: 1,
    firstName: 'Pat',
    lastName: 'Person',
    email: `pat.${id.slice(-12)}@example.com`,
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    employmentType: 'FULL_TIME',
    status: 'ACTIVE',
    hireDate: '2021-04-01',
    managerId: null,
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
    ...overrides,
  };
}

/**
 * The data of an agreements.agreement.created event: one AHA agreement for the 2025/26 leave year
 * with a yearly target of annualTargetHours.
 */
export function agreementCreatedData(
  employeeId: string,
  annualTargetHours: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    agreementId: uuidv7(),
    employeeId,
    version: 1,
    effectiveFrom: '2025-04-01',
    agreementType: 'AHA',
    startDate: '2025-04-01',
    endDate: '2026-03-31',
    fte: 1,
    targets: [{ accrualType: 'ANNUAL_TARGET_HOURS', total: annualTargetHours }],
    openingBalances: [],
    correlationId: 'import-1',
    ...overrides,
  };
}

/**
 * The data of a leave.request.* event: annual, paid leave of whole `dates` (in order), pending
 * at version 1 with no manager, unless `overrides` say otherwise.
 */
export function leaveRequestData<O extends Record<string, unknown>>(
  employeeId: string,
  dates: string[],
  overrides: O = {} as O,
) {
  return {
    requestId: uuidv7(),
    employeeId,
    version: 1,
    leaveType: 'ANNUAL',
    paid: true,
    status: 'PENDING',
    startDate: dates[0]!,
    endDate: dates[dates.length - 1]!,
    halfDayStart: false,
    halfDayEnd: false,
    days: dates.length,
    dates: dates.map((date) => ({ date, days: 1 })),
    managerId: null,
    ...overrides,
  };
}

/** A subgraph's placed copy of an active employee in London, as a row to insert. */
export const londonCopy = (
  id: string,
  overrides: Partial<PlacedEmployeeCopy> = {},
): PlacedEmployeeCopy => ({
  id,
  status: 'ACTIVE',
  managerId: null,
  location: 'ENGLAND_AND_WALES',
  timeZone: 'Europe/London',
  hireDate: null,
  terminationDate: null,
  version: 1,
  writeLock: 0,
  updatedAt: new Date(),
  ...overrides,
});

/** The data of an employees.employee.status_changed event for employee number E1. */
export const statusChangedData = (
  employeeId: string,
  version: number,
  to: string,
  from = 'ACTIVE',
) => ({
  employeeId,
  employeeNumber: 'E1',
  version,
  from,
  to,
});

/** The data of an employees.employee.terminated event for employee number E1. */
export const terminatedData = (employeeId: string, version: number, terminationDate: string) => ({
  employeeId,
  employeeNumber: 'E1',
  version,
  terminationDate,
});
