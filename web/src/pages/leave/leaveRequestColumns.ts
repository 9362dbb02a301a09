import { fieldColumns } from '../../ui/csv';

/** What every list of leave requests shows of one, and exports. */
export const LEAVE_REQUEST_COLUMNS = fieldColumns({
  Type: 'leaveType',
  From: 'startDate',
  To: 'endDate',
  Days: 'days',
});
