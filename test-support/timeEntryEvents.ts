/** A time entry as suites give it; what a time.entry event says beside it is defaulted. */
export interface EntryFields {
  entryId: string;
  employeeId: string;
  version: number;
  periodType?: string;
  startTime: string;
  endTime: string | null;
  mealBreakMinutes?: number;
}

type PeriodFields = Pick<EntryFields, 'periodType' | 'startTime' | 'endTime' | 'mealBreakMinutes'>;

/**
 * The period an entry covers, as a time.entry event states it (an amendment's `previous`
 * too): a SHIFT without a meal break unless told.
 */
export const entryPeriod = (fields: PeriodFields) => ({
  periodType: fields.periodType ?? 'SHIFT',
  shiftType: null,
  startTime: fields.startTime,
  endTime: fields.endTime,
  mealBreakMinutes: fields.mealBreakMinutes ?? 0,
});

/** The data every time.entry event carries, as the time subgraph publishes it. */
export const entryData = (fields: EntryFields) => ({
  employeeId: fields.employeeId,
  entryId: fields.entryId,
  version: fields.version,
  ...entryPeriod(fields),
});
