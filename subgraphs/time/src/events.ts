import { draftOf } from '../../../messaging';
import { judgedBy } from '../../../runtime';
import type { ComplianceException } from './workingTimeBreaches';
import type { PeriodType, ScheduledShift, TimeEntry } from './entities';

/** A list of one item at least, as a catalogue's `minItems: 1` asks for. */
export type NonEmpty<T> = [T, ...T[]];

/** `list` as {@link NonEmpty}; the callers have checked it, so an empty one is a fault. */
export function nonEmpty<T>(list: readonly T[], what: string): NonEmpty<T> {
  if (!list.length) throw new Error(`${what} must hold one item at least.`);
  const [first, ...rest] = list;
  return [first, ...rest];
}

/** The values of an entry that events carry (and amended carries twice, before and after). */
export interface EntryValues {
  periodType: PeriodType;
  shiftType: string | null;
  startTime: string;
  endTime: string | null;
  mealBreakMinutes: number;
}

export const valuesOf = (entry: TimeEntry): EntryValues => ({
  periodType: entry.periodType,
  shiftType: entry.shiftType ?? null,
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

/** How a write was judged: under HR's exception to the working-time rules, if any, by a version. */
export interface Judgement {
  exception: ComplianceException | null;
  policyVersion: number;
}

/** What an event says of its judgement; the exception only when there was one (audited). */
const judged = ({ exception, policyVersion }: Judgement) => ({
  ...(exception ? { complianceException: exception } : {}),
  ...judgedBy(policyVersion),
});

export const recorded = (entry: TimeEntry, judgement: Judgement) =>
  draftOf('time.entry.recorded', entry.id, { ...entryData(entry), ...judged(judgement) });

export const amended = (entry: TimeEntry, previous: EntryValues, judgement: Judgement) =>
  draftOf('time.entry.amended', entry.id, {
    ...entryData(entry),
    previous,
    ...judged(judgement),
  });

/** The tombstone: the entry's last values, and the version the deletion gave it. */
export const deleted = (entry: TimeEntry) =>
  draftOf('time.entry.deleted', entry.id, {
    ...entryData(entry),
    deletedAt: entry.deletedAt!.toISOString(),
  });

const shiftData = (shift: ScheduledShift) => ({
  shiftId: shift.id,
  start: shift.start.toISOString(),
  end: shift.end.toISOString(),
  shiftType: shift.shiftType ?? null,
});

export const published = (
  employeeId: string,
  scheduleId: string,
  shifts: ScheduledShift[],
  replacedShiftIds: string[],
) =>
  draftOf('time.schedule.published', scheduleId, {
    employeeId,
    scheduleId,
    // A publication never changes: a new one replaces its shifts instead.
    version: 1,
    from: shifts[0].start.toISOString(),
    to: new Date(Math.max(...shifts.map((s) => s.end.getTime()))).toISOString(),
    shifts: nonEmpty(shifts.map(shiftData), 'A schedule'),
    replacedShiftIds,
  });
