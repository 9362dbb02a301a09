import type { EntityManager } from '@mikro-orm/knex';
import { createInputCheck } from '../../../runtime';
import {
  AttendanceEntrySchema,
  EmployeeCopySchema,
  type AttendanceEntry,
  type EmployeeCopy,
} from './entities';
import {
  alreadyCorrected,
  employeeTerminated,
  entryNotFound,
  invalid,
  overlap,
  unknownEmployee,
} from './errors';
import type { ManualAttendanceInput } from './inputs';
import { overlapping } from './queries';
import * as check from './inputs';

/*
 * The decisions recording a manual entry makes, shared by the mutation and by the
 * compliance check that answers what it would do without writing.
 */

/** An open check-in older than this no longer blocks a new one (a forgotten check-out). */
export const MAX_OPEN_MS = 24 * 3_600_000;

/**
 * A check-out after its check-in, and within MAX_OPEN_MS of it: past that, a check-in counts
 * as forgotten, so no entry of attendance lasts longer.
 */
function checkSpan(checkInTime: Date, checkOutTime: Date): void {
  const span = checkOutTime.getTime() - checkInTime.getTime();
  if (span <= 0) throw invalid('checkOutTime', 'checkOutTime must be after checkInTime.');
  if (span > MAX_OPEN_MS)
    throw invalid('checkOutTime', 'checkOutTime must be at most 24 hours after checkInTime.');
}

/** A manual entry's checked input. */
export interface ManualEntry {
  employeeId: string;
  checkInTime: Date;
  checkOutTime: Date | null;
  reason: string;
  correctsId: string | null;
}

/**
 * The input checked field by field, every bad field refused together (BAD_USER_INPUT
 * naming each); `reason` optional if asked.
 */
export function checkedManualEntry(
  input: Partial<ManualAttendanceInput>,
  now: Date,
  opts: { reasonRequired: boolean } = { reasonRequired: true },
): ManualEntry {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const employeeId = field(() => check.id('employeeId', input.employeeId));
  const checkInTime = field(() => check.pastDateTime('checkInTime', input.checkInTime, now));
  const checkOutTime =
    input.checkOutTime == null
      ? null
      : field(() => check.pastDateTime('checkOutTime', input.checkOutTime, now));
  if (checkInTime && checkOutTime) field(() => checkSpan(checkInTime, checkOutTime));
  const reason =
    opts.reasonRequired || input.reason != null
      ? field(() => check.text('reason', input.reason, check.MAX_REASON))
      : '';
  const correctsId =
    input.correctsEntryId == null
      ? null
      : field(() => check.id('correctsEntryId', input.correctsEntryId));
  inputCheck.done();
  return { employeeId, checkInTime, checkOutTime, reason, correctsId } as ManualEntry;
}

/** The person attendance may record for: known and not terminated. */
export async function attendingEmployee(
  tx: EntityManager,
  employeeId: string,
): Promise<EmployeeCopy> {
  const copy = await tx.findOne(EmployeeCopySchema, employeeId, { refresh: true });
  if (!copy) throw unknownEmployee(employeeId);
  if (copy.status === 'TERMINATED') throw employeeTerminated(employeeId);
  return copy;
}

/** The entry a correction replaces: the same person's, not corrected already. */
export async function correctable(
  tx: EntityManager,
  id: string,
  employeeId: string,
): Promise<AttendanceEntry> {
  const original = await tx.findOne(AttendanceEntrySchema, { id });
  if (!original) throw entryNotFound(id, 'correctsEntryId');
  if (original.employeeId !== employeeId)
    throw invalid('correctsEntryId', 'correctsEntryId names an entry of another employee.');
  if (original.supersededById) throw alreadyCorrected(id, original.supersededById);
  return original;
}

/** Refuses a period that shares time with another live entry (a stale open one aside). */
export async function assertNoOverlap(
  tx: EntityManager,
  employeeId: string,
  field: string,
  start: Date,
  end: Date | null,
  exceptId?: string,
): Promise<void> {
  const stale = start.getTime() - MAX_OPEN_MS;
  const others = (await overlapping(tx, employeeId, { start, end }, exceptId)).filter(
    (e) => e.checkOutTime || e.checkInTime.getTime() > stale,
  );
  if (others.length)
    throw overlap(
      field,
      others.map((e) => e.id),
    );
}
