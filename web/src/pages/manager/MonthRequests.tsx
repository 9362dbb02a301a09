import { ExportTable } from '../../ui/ExportTable';
import { fullName } from '../../ui/fullName';
import { LEAVE_REQUEST_COLUMNS } from '../leave/leaveRequestColumns';
import type { Person } from './LeaveCalendar';
import { describe } from './LeaveCell';
import { formatDate, monthLabel } from '../../ui/dates';

/** The same leave as the calendar, as a list: what the CSV holds. */
export function MonthRequests({ month, people }: { month: string; people: Person[] }) {
  const rows = people.flatMap((person) =>
    (person.leaveBetween ?? []).map((request) => ({ name: fullName(person), ...request })),
  );
  return (
    <>
      <h2>Leave in {monthLabel(month)}</h2>
      <ExportTable
        label={`Leave requests in ${monthLabel(month)}`}
        rows={rows}
        csv={{
          filename: `who-is-off-${month}.csv`,
          columns: [
            { heading: 'Employee', value: (r) => r.name },
            ...LEAVE_REQUEST_COLUMNS,
            { heading: 'Status', value: (r) => r.status },
          ],
        }}
        empty="Nobody on this page is off this month."
        columns={[
          { heading: 'Employee', cell: (r) => r.name },
          { heading: 'Leave', cell: describe },
          { heading: 'From', cell: (r) => formatDate(r.startDate) },
          { heading: 'To', cell: (r) => formatDate(r.endDate) },
          { heading: 'Days', cell: (r) => r.days },
        ]}
      />
    </>
  );
}
