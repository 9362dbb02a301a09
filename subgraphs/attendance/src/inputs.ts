/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface CheckInInput {
  idempotencyKey?: string | null;
  employeeId?: string | null;
  time?: string | null;
  location: string;
  device: string;
}

export interface CheckOutInput {
  employeeId?: string | null;
  time?: string | null;
  location?: string | null;
  device?: string | null;
}

export interface ManualAttendanceInput {
  idempotencyKey?: string | null;
  employeeId: string;
  checkInTime: string;
  checkOutTime?: string | null;
  reason: string;
  correctsEntryId?: string | null;
}

export interface ProcessAttendanceDayInput {
  date: string;
  employeeIds?: string[] | null;
}
