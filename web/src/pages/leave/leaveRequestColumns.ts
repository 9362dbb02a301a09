import type { LeaveType } from '../../gql/graphql';
import { fieldColumns } from '../../ui/csv';
import { columnsOf, type Column } from '../../ui/DataTable';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';

/** What every list of leave requests shows of one, and exports. */
export const LEAVE_REQUEST_COLUMNS = fieldColumns({
  Type: 'leaveType',
  From: 'startDate',
  To: 'endDate',
  Days: 'days',
});

/** The same columns on screen, the kind of leave in words (the export keeps its code). */
export const LEAVE_REQUEST_CELLS: Column<{
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  days: number;
}>[] = [
  { heading: 'Type', cell: (r) => LEAVE_TYPE_LABELS[r.leaveType] },
  ...columnsOf(LEAVE_REQUEST_COLUMNS).slice(1),
];
