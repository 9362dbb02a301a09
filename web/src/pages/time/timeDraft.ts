import type { PeriodType, TimecardQuery } from '../../gql/graphql';
import { toLocalInput, toOffsetDateTime } from '../../ui/dates';

export type Entry = NonNullable<NonNullable<TimecardQuery['employee']>['timeEntries']>[number];

export const PERIOD_TYPES: PeriodType[] = ['SHIFT', 'OVERTIME', 'ON_CALL', 'TRAINING', 'ABSENCE'];

/** A time entry as typed: times as datetime-local values, the break as text. */
export interface TimeDraft {
  periodType: string;
  shiftType: string;
  start: string;
  end: string;
  mealBreakMinutes: string;
}

/** The entry's fields to amend, or a blank one to record. */
export function draftOf(entry: Entry | null): TimeDraft {
  if (!entry)
    return { periodType: 'SHIFT', shiftType: '', start: '', end: '', mealBreakMinutes: '0' };
  return {
    periodType: entry.periodType,
    shiftType: entry.shiftType ?? '',
    start: toLocalInput(entry.startTime),
    end: entry.endTime ? toLocalInput(entry.endTime) : '',
    mealBreakMinutes: String(entry.mealBreakMinutes),
  };
}

/** The draft as the record and amend inputs take it. */
export function entryFieldsOf(draft: TimeDraft) {
  return {
    periodType: draft.periodType as PeriodType,
    shiftType: draft.shiftType || null,
    startTime: draft.start ? toOffsetDateTime(draft.start) : '',
    endTime: draft.end ? toOffsetDateTime(draft.end) : null,
    mealBreakMinutes: Number(draft.mealBreakMinutes) || 0,
  };
}
