import type { LeaveType } from '../../gql/graphql';
import type { CsvColumn } from '../../ui/csv';

/** What every list of leave requests shows of one, and exports. */
export const LEAVE_REQUEST_COLUMNS: CsvColumn<{
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  days: number;
}>[] = [
  { heading: 'Type', value: (r) => r.leaveType },
  { heading: 'From', value: (r) => r.startDate },
  { heading: 'To', value: (r) => r.endDate },
  { heading: 'Days', value: (r) => r.days },
];
