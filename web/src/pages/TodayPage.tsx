import { useMutation, useQuery } from '@apollo/client/react';
import { useEmployeeId } from '../app/AppContext';
import { CheckInDocument, CheckOutDocument, TodayDocument, type TodayQuery } from '../gql/graphql';
import { formatDateTime, ProblemList } from '../ui/Field';
import { Page } from '../ui/Page';
import { Loading, QueryError } from '../ui/QueryState';
import { localDate } from '../ui/dates';
import { useRowActions } from '../ui/useRowActions';

type Today = NonNullable<TodayQuery['employee']>;
type AttendanceEntry = NonNullable<Today['attendanceEntries']>[number];

/** Today: the published shift, and checking in and out. */
export default function TodayPage() {
  const id = useEmployeeId();
  const { data, loading, error, refetch } = useQuery(TodayDocument, {
    variables: { id, day: localDate() },
  });
  const entries = (data?.employee?.attendanceEntries ?? []).filter((e) => !e.supersededByEntryId);
  return (
    <Page id="today" title="Today">
      {loading && <Loading />}
      <QueryError error={error} />
      {data && (
        <>
          <ShiftCard schedule={data.employee?.schedule ?? []} />
          <AttendanceCard entries={entries} onChanged={() => void refetch()} />
        </>
      )}
    </Page>
  );
}

function ShiftCard({ schedule }: { schedule: NonNullable<Today['schedule']> }) {
  return (
    <div className="card">
      <h2>Your shift</h2>
      {schedule.length ? (
        <ul>
          {schedule.map((shift) => (
            <li key={shift.id}>
              {shift.shiftType ?? 'Shift'}: {formatDateTime(shift.start)} –{' '}
              {formatDateTime(shift.end)}
            </li>
          ))}
        </ul>
      ) : (
        <p>No shift is published for today.</p>
      )}
    </div>
  );
}

/** Today's check-ins, and the button to check in, or out while one is open. */
function AttendanceCard(props: { entries: AttendanceEntry[]; onChanged(): void }) {
  const { entries, onChanged } = props;
  const [checkIn, checkingIn] = useMutation(CheckInDocument);
  const [checkOut, checkingOut] = useMutation(CheckOutDocument);
  const actions = useRowActions(onChanged);
  const open = entries.find((entry) => !entry.checkOutTime);
  // A new key for each check-in: the same key would be taken for a retry of the last one.
  const checkInNow = () =>
    checkIn({
      variables: { input: { location: 'web', device: 'web', idempotencyKey: crypto.randomUUID() } },
    });
  return (
    <div className="card">
      <h2>Attendance</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            In {formatDateTime(entry.checkInTime)}
            {entry.late && ` (late by ${entry.lateByMinutes} min)`}
            {entry.checkOutTime
              ? `, out ${formatDateTime(entry.checkOutTime)} (${entry.workedHours} h)`
              : ', still in'}
          </li>
        ))}
      </ul>
      <ProblemList problems={actions.problems} />
      {open ? (
        <button
          type="button"
          disabled={checkingOut.loading}
          onClick={() => actions.run(checkOut({ variables: { input: { device: 'web' } } }))}
        >
          Check out
        </button>
      ) : (
        <button
          type="button"
          disabled={checkingIn.loading}
          onClick={() => actions.run(checkInNow())}
        >
          Check in
        </button>
      )}
    </div>
  );
}
