import { useQuery } from '@apollo/client/react';
import { useEmployeeId } from '../app/AppContext';
import { TeamDashboardDocument } from '../gql/graphql';
import { ExportTable } from '../ui/ExportTable';
import { Page } from '../ui/Page';
import { localDate } from '../ui/dates';
import { WithNote } from '../ui/WithNote';
import { fullName } from '../ui/fullName';

/** The team dashboard: each direct report's month, balances and pending requests. */
export default function TeamPage() {
  const managerId = useEmployeeId();
  const today = localDate();
  const { data, error } = useQuery(TeamDashboardDocument, {
    variables: { managerId, today, month: today.slice(0, 7) },
  });
  const reports = data?.employee?.directReports ?? [];
  return (
    <Page id="team" title="Team" error={error}>
      <ExportTable
        label="Direct reports"
        rows={reports}
        csv={{
          filename: `team-${today.slice(0, 7)}.csv`,
          columns: [
            { heading: 'Name', value: (r) => fullName(r) },
            { heading: 'Present days', value: (r) => r.attendanceSummary?.presentDays ?? '' },
            { heading: 'Late arrivals', value: (r) => r.attendanceSummary?.lateArrivals ?? '' },
            { heading: 'Worked hours', value: (r) => r.attendanceSummary?.workedHours ?? '' },
            { heading: 'Pending requests', value: (r) => r.leaveRequests?.totalCount ?? '' },
          ],
        }}
        columns={[
          {
            heading: 'Name',
            cell: (r) => <WithNote note={r.jobTitle}>{fullName(r)}</WithNote>,
          },
          { heading: 'Present', cell: (r) => r.attendanceSummary?.presentDays ?? '–' },
          { heading: 'Late', cell: (r) => r.attendanceSummary?.lateArrivals ?? '–' },
          { heading: 'Worked h', cell: (r) => r.attendanceSummary?.workedHours ?? '–' },
          {
            heading: 'Annual leave left',
            cell: (r) => r.leaveBalances?.find((b) => b.leaveType === 'ANNUAL')?.remaining ?? '–',
          },
          { heading: 'Pending', cell: (r) => r.leaveRequests?.totalCount ?? '–' },
        ]}
      />
    </Page>
  );
}
