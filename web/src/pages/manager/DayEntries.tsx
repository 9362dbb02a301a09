import type { DayAttendanceQuery } from '../../gql/graphql';
import { ExportTable } from '../../ui/ExportTable';
import { formatMinutes, formatDateTime } from '../../ui/dates';
import { ATTENDANCE_SOURCE_LABELS } from '../../ui/enumLabels';

export type Entry = NonNullable<
  NonNullable<DayAttendanceQuery['employee']>['attendanceEntries']
>[number];

const stateOf = (entry: Entry) =>
  entry.supersededByEntryId ? 'Corrected' : entry.correctsEntryId ? 'Correction' : 'Counts';

export interface DayEntriesProps {
  entries: readonly Entry[];
  loaded: boolean;
  /** The person's time zone, the times shown in it. */
  zone: string;
  onCorrect(entry: Entry): void;
}

/** A day's entries, corrected ones too; each that still counts may be corrected. */
export function DayEntries({ entries, loaded, zone, onCorrect }: DayEntriesProps) {
  return (
    <>
      <ExportTable
        label="Attendance entries"
        rows={entries}
        csv={{
          filename: `attendance-${entries[0]?.date ?? 'day'}.csv`,
          columns: [
            { heading: 'In', value: (e) => e.checkInTime },
            { heading: 'Out', value: (e) => e.checkOutTime ?? '' },
            { heading: 'Hours', value: (e) => e.workedHours },
            { heading: 'Late by (min)', value: (e) => (e.late ? e.lateByMinutes : '') },
            { heading: 'Source', value: (e) => e.source },
            { heading: 'Reason', value: (e) => e.reason ?? '' },
            { heading: 'State', value: stateOf },
          ],
        }}
        empty={loaded && 'No entries on this day.'}
        columns={[
          { heading: 'In', cell: (e) => formatDateTime(e.checkInTime, zone) },
          {
            heading: 'Out',
            cell: (e) => (e.checkOutTime ? formatDateTime(e.checkOutTime, zone) : 'still in'),
          },
          { heading: 'Hours', cell: (e) => e.workedHours },
          { heading: 'Late', cell: (e) => (e.late ? formatMinutes(e.lateByMinutes) : '–') },
          { heading: 'Source', cell: (e) => ATTENDANCE_SOURCE_LABELS[e.source] },
          { heading: 'Reason', cell: (e) => e.reason ?? '–' },
          { heading: 'State', cell: stateOf },
        ]}
        actionsHeading="Correct"
        actions={(e) =>
          !e.supersededByEntryId && (
            <button type="button" className="secondary" onClick={() => onCorrect(e)}>
              Correct
            </button>
          )
        }
      />
    </>
  );
}
