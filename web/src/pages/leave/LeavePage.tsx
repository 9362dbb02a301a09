import { useSubscription } from '@apollo/client/react';
import { useReconnected } from '../../api/useReconnected';
import { useEmployeeId } from '../../app/AppContext';
import { LeaveRequestUpdatedDocument, MyLeaveDocument, type MyLeaveQuery } from '../../gql/graphql';
import { DataTable } from '../../ui/DataTable';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';
import { Page } from '../../ui/Page';
import { localDate } from '../../ui/dates';
import { usePagedQuery } from '../../ui/usePagedQuery';
import { LeaveHistory } from './LeaveHistory';
import { LeaveRequestForm } from './LeaveRequestForm';

const PAGE_SIZE = 10;
type Balance = NonNullable<NonNullable<MyLeaveQuery['employee']>['leaveBalances']>[number];

/** Leave: balances, a request checked before it is sent, and the history with cancel. */
export default function LeavePage() {
  const id = useEmployeeId();
  const { data, list, refetch } = usePagedQuery(MyLeaveDocument, (d) => d.employee?.leaveRequests, {
    variables: { id, on: localDate() },
    size: PAGE_SIZE,
  });
  // A manager's decision shows on the open page, without a reload.
  useSubscription(LeaveRequestUpdatedDocument, {
    variables: { employeeId: id },
    onData: () => void refetch(),
  });
  useReconnected(() => void refetch());
  const reload = () => void refetch();
  return (
    <Page id="leave" title="Leave">
      <LeaveBalances balances={data?.employee?.leaveBalances ?? []} />
      <LeaveRequestForm onSent={reload} />
      <h2>History</h2>
      <LeaveHistory list={list} onChanged={reload} />
    </Page>
  );
}

function LeaveBalances({ balances }: { balances: readonly Balance[] }) {
  if (balances.length === 0) return null;
  return (
    <>
      <h2>Balances</h2>
      <DataTable
        label="Leave balances"
        rows={balances}
        rowKey={(b) => b.leaveType}
        columns={[
          { heading: 'Type', cell: (b) => LEAVE_TYPE_LABELS[b.leaveType] },
          { heading: 'Remaining', cell: (b) => b.remaining },
          { heading: 'Pending', cell: (b) => b.pending },
          { heading: 'Taken', cell: (b) => b.taken },
        ]}
      />
    </>
  );
}
