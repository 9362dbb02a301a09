import { useQuery } from '@apollo/client/react';
import { problemsOf } from '../api/problemsOf';
import { useEmployeeId } from '../app/AppContext';
import { TeamDashboardDocument } from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { ProblemList } from '../ui/Field';
import { localDate } from '../ui/dates';

/** The team dashboard: each direct report's month, balances and pending requests. */
export default function TeamPage() {
  const managerId = useEmployeeId();
  const today = localDate();
  const { data, error } = useQuery(TeamDashboardDocument, {
    variables: { managerId, today, month: today.slice(0, 7) },
  });
  const reports = data?.employee?.directReports ?? [];
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      {error && <ProblemList problems={problemsOf(error).general} />}
      <div className="toolbar">
        <CsvButton
          filename={`team-${today.slice(0, 7)}.csv`}
          rows={reports}
          columns={[
            { heading: 'Name', value: (r) => `${r.firstName} ${r.lastName}` },
            { heading: 'Present days', value: (r) => r.attendanceSummary?.presentDays ?? '' },
            { heading: 'Late arrivals', value: (r) => r.attendanceSummary?.lateArrivals ?? '' },
            { heading: 'Worked hours', value: (r) => r.attendanceSummary?.workedHours ?? '' },
            { heading: 'Pending requests', value: (r) => r.leaveRequests?.totalCount ?? '' },
          ]}
        />
      </div>
      <table aria-label="Direct reports">
        <thead>
          <tr>
            <th>Name</th>
            <th>Present</th>
            <th>Late</th>
            <th>Worked h</th>
            <th>Annual leave left</th>
            <th>Pending</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <td>
                {r.firstName} {r.lastName}
                <br />
                <small>{r.jobTitle}</small>
              </td>
              <td>{r.attendanceSummary?.presentDays ?? '–'}</td>
              <td>{r.attendanceSummary?.lateArrivals ?? '–'}</td>
              <td>{r.attendanceSummary?.workedHours ?? '–'}</td>
              <td>{r.leaveBalances?.find((b) => b.leaveType === 'ANNUAL')?.remaining ?? '–'}</td>
              <td>{r.leaveRequests?.totalCount ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
