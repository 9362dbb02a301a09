import type { LeaveType } from '../../gql/graphql';
import { fieldColumns } from '../../ui/csv';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/dates';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';

/** What every list of leave requests shows of one, and exports. */
export const LEAVE_REQUEST_COLUMNS = fieldColumns({
  Type: 'leaveType',
  From: 'startDate',
  To: 'endDate',
  Days: 'days',
});

/** The same columns on screen, the kind of leave and the days in words (the export keeps codes). */
export const LEAVE_REQUEST_CELLS: Column<{
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  days: number;
}>[] = [
  { heading: 'Type', cell: (r) => LEAVE_TYPE_LABELS[r.leaveType] },
  { heading: 'From', cell: (r) => formatDate(r.startDate) },
  { heading: 'To', cell: (r) => formatDate(r.endDate) },
  { heading: 'Days', cell: (r) => r.days },
];
