import type { ComplianceExceptionInput } from './checkWorkingTime';
import type { PeriodType } from './entities';

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface RecordTimeEntryInput {
  idempotencyKey?: string | null;
  employeeId: string;
  periodType: PeriodType;
  shiftType?: string | null;
  startTime: string;
  endTime?: string | null;
  mealBreakMinutes?: number | null;
  complianceException?: ComplianceExceptionInput | null;
}

/** Absent fields stay as they are; `endTime: null` opens the entry again. */
export interface AmendTimeEntryInput {
  id: string;
  expectedVersion?: number | null;
  periodType?: PeriodType | null;
  shiftType?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  mealBreakMinutes?: number | null;
  complianceException?: ComplianceExceptionInput | null;
}

export interface DeleteTimeEntryInput {
  id: string;
  expectedVersion?: number | null;
}

export interface ScheduledShiftInput {
  start: string;
  end: string;
  shiftType?: string | null;
}

export interface PublishScheduleInput {
  idempotencyKey?: string | null;
  employeeId: string;
  shifts: ScheduledShiftInput[];
}
