import { v7 as uuidv7 } from 'uuid';

/** The data of an `attendance.day.processed` event, a present day unless told otherwise. */
export const processedDay = (employeeId: string, date: string, extra: Record<string, unknown>) => ({
  dayId: uuidv7(),
  employeeId,
  date,
  version: 1,
  status: 'PRESENT',
  workedMinutes: 450,
  plannedMinutes: 450,
  lateByMinutes: 0,
  earlyExitMinutes: 0,
  overtimeMinutes: 0,
  ...extra,
});

/** The data of a `time.entry.recorded` event: an OVERTIME entry, no exception unless told. */
export const timeEntry = (employeeId: string, extra: Record<string, unknown> = {}) => ({
  employeeId,
  entryId: uuidv7(),
  version: 1,
  periodType: 'OVERTIME',
  shiftType: null,
  startTime: '2025-10-30T17:00:00.000Z',
  endTime: '2025-10-30T22:10:00.000Z',
  mealBreakMinutes: 0,
  ...extra,
});

/** The data of an `attendance.late_arrival.detected` event on `date`. */
export const lateArrival = (employeeId: string, date: string) => ({
  dayId: uuidv7(),
  employeeId,
  date,
  version: 1,
  managerId: null,
  checkInTime: `${date}T09:20:00.000Z`,
  lateByMinutes: 20,
});

export const VIOLATIONS = `
  query ($first: Int, $after: String, $filter: ComplianceViolationFilter) {
    complianceViolations(first: $first, after: $after, filter: $filter) {
      nodes {
        id employeeId employee { id } rule message fromDate toDate source status
        policy { kind key version }
        detectedAt closedAt closedBy closingNote
      }
      pageInfo { endCursor hasNextPage }
    }
  }`;

export const VIOLATION = `
  query ($id: ID!) {
    complianceViolation(id: $id) { id employeeId rule status closingNote }
  }`;

export const CLOSE = `
  mutation ($id: ID!, $note: String!) {
    closeComplianceViolation(id: $id, note: $note) {
      id status closedAt closedBy closingNote
    }
  }`;
