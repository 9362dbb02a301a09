import { useQuery } from '@apollo/client/react';
import { useEmployeeId } from '../app/AppContext';
import { TeamDashboardDocument, type TeamDashboardQuery } from '../gql/graphql';
import { ExportTable } from '../ui/ExportTable';
import { Page } from '../ui/Page';
import { localDate, monthLabel } from '../ui/dates';
import { WithNote } from '../ui/WithNote';
import { ACCRUAL_STATUS_LABELS } from '../ui/enumLabels';
import { fullName } from '../ui/fullName';

/** The team dashboard: each direct report's month, balances and pending requests. */
export default function TeamPage() {
  const managerId = useEmployeeId();
  const today = localDate();
  const month = today.slice(0, 7);
  const { data, error } = useQuery(TeamDashboardDocument, {
    variables: { managerId, today, month },
  });
  const reports = data?.employee?.directReports ?? [];
  return (
    <Page id="team" title="Team" error={error}>
      {/* The attendance figures are the month's so far, not the year's as the target is. */}
      <p className="hint">
        Present days, late arrivals and hours worked: {monthLabel(month)} so far.
      </p>
      <ExportTable
        label="Direct reports"
        rows={reports}
        csv={{
          filename: `team-${month}.csv`,
          columns: [
            { heading: 'Name', value: (r) => fullName(r) },
            { heading: 'Present days', value: (r) => r.attendanceSummary?.presentDays ?? '' },
            { heading: 'Late arrivals', value: (r) => r.attendanceSummary?.lateArrivals ?? '' },
            { heading: 'Worked hours', value: (r) => r.attendanceSummary?.workedHours ?? '' },
            { heading: 'Pending requests', value: (r) => r.leaveRequests?.totalCount ?? '' },
            { heading: 'Target hours worked', value: (r) => targetHours(r)?.worked ?? '' },
            { heading: 'Target hours', value: (r) => targetHours(r)?.target ?? '' },
            { heading: 'Target status', value: (r) => targetHours(r)?.status ?? '' },
          ],
        }}
        columns={[
          {
            heading: 'Name',
            cell: (r) => <WithNote note={r.jobTitle}>{fullName(r)}</WithNote>,
          },
          { heading: 'Present', cell: (r) => r.attendanceSummary?.presentDays ?? '–' },
          { heading: 'Late', cell: (r) => r.attendanceSummary?.lateArrivals ?? '–' },
          { heading: 'Worked h this month', cell: (r) => r.attendanceSummary?.workedHours ?? '–' },
          {
            heading: 'Annual leave left',
            cell: (r) => r.leaveBalances?.find((b) => b.leaveType === 'ANNUAL')?.remaining ?? '–',
          },
          { heading: 'Pending', cell: (r) => r.leaveRequests?.totalCount ?? '–' },
          { heading: 'Target hours', cell: targetHoursText },
        ]}
      />
    </Page>
  );
}

type Report = NonNullable<TeamDashboardQuery['employee']>['directReports'][number];

const round = (n: number) => Math.round(n * 10) / 10;

/** The report's annual target hours today; undefined while no agreement covers today. */
const targetHours = (r: Report) => r.accruals?.find((a) => a.accrualType === 'ANNUAL_TARGET_HOURS');

/** Worked against the year's target, and how that stands against the share expected by today. */
function targetHoursText(r: Report): string {
  const hours = targetHours(r);
  if (!hours) return '–';
  return `${round(hours.worked)} of ${round(hours.target)} h, ${ACCRUAL_STATUS_LABELS[hours.status].toLowerCase()}`;
}
