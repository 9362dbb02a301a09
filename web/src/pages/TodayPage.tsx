import { useMutation, useQuery } from '@apollo/client/react';
import { useEmployeeId, useUser } from '../app/AppContext';
import type { Role } from '../auth/authApi';
import { CheckInDocument, CheckOutDocument, TodayDocument, type TodayQuery } from '../gql/graphql';
import { ProblemList } from '../ui/Field';
import { Page } from '../ui/Page';
import { Loading, QueryError } from '../ui/QueryState';
import { formatMinutes, localDate, formatDateTime } from '../ui/dates';
import { shiftKind } from '../ui/enumLabels';
import { useRowActions } from '../ui/useRowActions';

type Today = NonNullable<TodayQuery['employee']>;
type AttendanceEntry = NonNullable<Today['attendanceEntries']>[number];

/** The roles that check in and read their own attendance (docs/domain.md, "Who may do what"). */
const RECORDS_ATTENDANCE: readonly Role[] = ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'];

/** Today: the published shift, and checking in and out for the roles that do. */
export default function TodayPage() {
  const id = useEmployeeId();
  const attendance = RECORDS_ATTENDANCE.includes(useUser().role);
  const { data, loading, error, refetch } = useQuery(TodayDocument, {
    variables: { id, day: localDate(), attendance },
  });
  const schedule = data?.employee?.schedule ?? [];
  const entries = (data?.employee?.attendanceEntries ?? []).filter((e) => !e.supersededByEntryId);
  return (
    <Page id="today" title="Today">
      {loading && <Loading />}
      <QueryError error={error} />
      {data && (
        <>
          <ShiftCard schedule={schedule} />
          {attendance ? (
            <AttendanceCard
              entries={entries}
              hasShift={schedule.length > 0}
              onChanged={() => void refetch()}
            />
          ) : (
            <div className="card">
              <h2>Attendance</h2>
              <p>Your role does not record attendance, so there is nothing to check in to.</p>
            </div>
          )}
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
              {shift.shiftType ? shiftKind(shift.shiftType) : 'Shift'}:{' '}
              {formatDateTime(shift.start)} – {formatDateTime(shift.end)}
            </li>
          ))}
        </ul>
      ) : (
        <p>No shift is published for today.</p>
      )}
    </div>
  );
}

interface AttendanceCardProps {
  entries: AttendanceEntry[];
  /** Lateness is measured against a published shift; without one nobody is late. */
  hasShift: boolean;
  onChanged(): void;
}

/** Today's check-ins, and the button to check in, or out while one is open. */
function AttendanceCard({ entries, hasShift, onChanged }: AttendanceCardProps) {
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
      {entries.length > 0 && (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              In {formatDateTime(entry.checkInTime)}
              {hasShift && entry.late && ` (late by ${formatMinutes(entry.lateByMinutes)})`}
              {entry.checkOutTime
                ? `, out ${formatDateTime(entry.checkOutTime)} (${entry.workedHours} h)`
                : ', still in'}
            </li>
          ))}
        </ul>
      )}
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
