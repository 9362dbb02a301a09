import type { EventDraft } from '../../../messaging/src/types';
import type { ComplianceException } from './checkWorkingTime';
import type { ScheduledShift, TimeEntry } from './entities';

export const ENTRY_RECORDED = 'time.entry.recorded';
export const ENTRY_AMENDED = 'time.entry.amended';
export const ENTRY_DELETED = 'time.entry.deleted';
export const SCHEDULE_PUBLISHED = 'time.schedule.published';

/** The values of an entry that events carry (and amended carries twice, before and after). */
export interface EntryValues {
  periodType: string;
  shiftType: string | null;
  startTime: string;
  endTime: string | null;
  mealBreakMinutes: number;
}

export const valuesOf = (entry: TimeEntry): EntryValues => ({
  periodType: entry.periodType,
  shiftType: entry.shiftType,
  startTime: entry.startTime.toISOString(),
  endTime: entry.endTime ? entry.endTime.toISOString() : null,
  mealBreakMinutes: entry.mealBreakMinutes,
});

const entryData = (entry: TimeEntry) => ({
  employeeId: entry.employeeId,
  entryId: entry.id,
  version: entry.version,
  ...valuesOf(entry),
});

/** HR's exception to the working-time rules, when the change was made under one (audited). */
const withException = (exception: ComplianceException | null) =>
  exception ? { complianceException: exception } : {};

/** The WORKING_TIME version the write was judged by, when it was. */
const judgedBy = (policyVersion: number | undefined) =>
  policyVersion === undefined ? {} : { policyVersion };

export const recorded = (
  entry: TimeEntry,
  exception: ComplianceException | null = null,
  policyVersion?: number,
): EventDraft => ({
  type: ENTRY_RECORDED,
  subject: entry.id,
  data: { ...entryData(entry), ...withException(exception), ...judgedBy(policyVersion) },
});

export const amended = (
  entry: TimeEntry,
  previous: EntryValues,
  exception: ComplianceException | null = null,
  policyVersion?: number,
): EventDraft => ({
  type: ENTRY_AMENDED,
  subject: entry.id,
  data: { ...entryData(entry), previous, ...withException(exception), ...judgedBy(policyVersion) },
});

/** The tombstone: the entry's last values, and the version the deletion gave it. */
export const deleted = (entry: TimeEntry): EventDraft => ({
  type: ENTRY_DELETED,
  subject: entry.id,
  data: { ...entryData(entry), deletedAt: entry.deletedAt!.toISOString() },
});

export const published = (
  employeeId: string,
  scheduleId: string,
  shifts: ScheduledShift[],
  replacedShiftIds: string[],
): EventDraft => ({
  type: SCHEDULE_PUBLISHED,
  subject: scheduleId,
  data: {
    employeeId,
    scheduleId,
    // A publication never changes: a new one replaces its shifts instead.
    version: 1,
    from: shifts[0].start.toISOString(),
    to: new Date(Math.max(...shifts.map((s) => s.end.getTime()))).toISOString(),
    shifts: shifts.map((s) => ({
      shiftId: s.id,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      shiftType: s.shiftType,
    })),
    replacedShiftIds,
  },
});
