import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { problemsOf, NO_PROBLEMS } from '../api/problemsOf';
import { useEmployeeId } from '../app/AppContext';
import { CheckInDocument, CheckOutDocument, TodayDocument } from '../gql/graphql';
import { ProblemList, formatDateTime } from '../ui/Field';
import { localDate } from '../ui/dates';

/** Today: the published shift, and checking in and out. */
export default function TodayPage() {
  const id = useEmployeeId();
  const day = localDate();
  const { data, loading, error, refetch } = useQuery(TodayDocument, { variables: { id, day } });
  const [checkIn, checkingIn] = useMutation(CheckInDocument);
  const [checkOut, checkingOut] = useMutation(CheckOutDocument);
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const entries = (data?.employee?.attendanceEntries ?? []).filter((e) => !e.supersededByEntryId);
  const open = entries.find((entry) => !entry.checkOutTime);

  async function act(run: () => Promise<unknown>) {
    setProblems(NO_PROBLEMS);
    try {
      await run();
      await refetch();
    } catch (caught) {
      setProblems(problemsOf(caught));
    }
  }

  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      {loading && <p className="loading">Loading…</p>}
      {error && <ProblemList problems={problemsOf(error).general} />}
      {data && (
        <>
          <div className="card">
            <h2>Your shift</h2>
            {data.employee?.schedule?.length ? (
              <ul>
                {data.employee.schedule.map((shift) => (
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
            <ProblemList problems={[...problems.general, ...Object.values(problems.byField)]} />
            {open ? (
              <button
                type="button"
                disabled={checkingOut.loading}
                onClick={() =>
                  void act(() => checkOut({ variables: { input: { device: 'web' } } }))
                }
              >
                Check out
              </button>
            ) : (
              <button
                type="button"
                disabled={checkingIn.loading}
                onClick={() =>
                  void act(() =>
                    checkIn({
                      variables: {
                        input: {
                          location: 'web',
                          device: 'web',
                          idempotencyKey: crypto.randomUUID(),
                        },
                      },
                    }),
                  )
                }
              >
                Check in
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
