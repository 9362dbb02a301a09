import type { DayAttendanceQuery } from '../../gql/graphql';
import { CsvButton } from '../../ui/CsvButton';
import { formatDateTime } from '../../ui/Field';

export type Entry = NonNullable<
  NonNullable<DayAttendanceQuery['employee']>['attendanceEntries']
>[number];

const stateOf = (entry: Entry) =>
  entry.supersededByEntryId ? 'Corrected' : entry.correctsEntryId ? 'Correction' : 'Counts';

/** A day's entries, corrected ones too; each that still counts may be corrected. */
export function DayEntries(props: {
  entries: readonly Entry[];
  loaded: boolean;
  onCorrect(entry: Entry): void;
}) {
  const { entries, loaded, onCorrect } = props;
  return (
    <>
      <div className="toolbar">
        <CsvButton
          filename={`attendance-${entries[0]?.date ?? 'day'}.csv`}
          rows={entries}
          columns={[
            { heading: 'In', value: (e) => e.checkInTime },
            { heading: 'Out', value: (e) => e.checkOutTime ?? '' },
            { heading: 'Hours', value: (e) => e.workedHours },
            { heading: 'Late by (min)', value: (e) => (e.late ? e.lateByMinutes : '') },
            { heading: 'Source', value: (e) => e.source },
            { heading: 'Reason', value: (e) => e.reason ?? '' },
            { heading: 'State', value: stateOf },
          ]}
        />
      </div>
      <table aria-label="Attendance entries">
        <thead>
          <tr>
            <th>In</th>
            <th>Out</th>
            <th>Hours</th>
            <th>Late</th>
            <th>Source</th>
            <th>Reason</th>
            <th>State</th>
            <th>
              <span className="sr-only">Correct</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.checkInTime)}</td>
              <td>{entry.checkOutTime ? formatDateTime(entry.checkOutTime) : 'still in'}</td>
              <td>{entry.workedHours}</td>
              <td>{entry.late ? `${entry.lateByMinutes} min` : '–'}</td>
              <td>{entry.source}</td>
              <td>{entry.reason ?? '–'}</td>
              <td>{stateOf(entry)}</td>
              <td>
                {!entry.supersededByEntryId && (
                  <button type="button" className="secondary" onClick={() => onCorrect(entry)}>
                    Correct
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loaded && entries.length === 0 && <p>No entries on this day.</p>}
    </>
  );
}
