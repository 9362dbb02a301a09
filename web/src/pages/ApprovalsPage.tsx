import { useMutation, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { useReconnected } from '../api/useReconnected';
import {
  ApproveLeaveDocument,
  LeaveRequestUpdatedDocument,
  PendingLeaveApprovalsDocument,
  RejectLeaveDocument,
  type PendingLeaveApprovalsQuery,
} from '../gql/graphql';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ProblemList } from '../ui/Field';
import { Page } from '../ui/Page';
import { PagedTable } from '../ui/PagedTable';
import { TextField } from '../ui/TextField';
import type { CsvColumn } from '../ui/csv';
import { personName } from '../ui/fullName';
import { usePagedQuery } from '../ui/usePagedQuery';
import { useRowActions } from '../ui/useRowActions';
import type { Column } from '../ui/DataTable';
import { LEAVE_REQUEST_CELLS, LEAVE_REQUEST_COLUMNS } from './leave/leaveRequestColumns';

type Request = PendingLeaveApprovalsQuery['pendingLeaveApprovals']['nodes'][number];

const COLUMNS: CsvColumn<Request>[] = [
  { heading: 'Employee', value: (r) => personName(r.employee) },
  ...LEAVE_REQUEST_COLUMNS,
  { heading: 'Reason', value: (r) => r.reason ?? '' },
];
/** On screen the kind of leave reads in words; the export keeps its code. */
const SHOWN: Column<Request>[] = [
  { heading: 'Employee', cell: (r) => personName(r.employee) },
  ...LEAVE_REQUEST_CELLS,
  { heading: 'Reason', cell: (r) => r.reason || '–' },
];

/** The approvals inbox: reports' pending requests, kept live by the leave subscription. */
export default function ApprovalsPage() {
  const { list, refetch } = usePagedQuery(
    PendingLeaveApprovalsDocument,
    (d) => d.pendingLeaveApprovals,
    { variables: {} },
  );
  useSubscription(LeaveRequestUpdatedDocument, { onData: () => void refetch() });
  useReconnected(() => void refetch());
  const actions = useRowActions(() => void refetch());
  return (
    <Page id="approvals" title="Approvals">
      <PagedTable
        label="Pending leave requests"
        {...list}
        csv={{ filename: 'approvals.csv', columns: COLUMNS }}
        columns={SHOWN}
        above={<ProblemList problems={actions.problems} />}
        empty={list.connection && 'Nothing is waiting for you.'}
        actionsHeading="Decision"
        actions={(r) => <Decision request={r} run={actions.run} />}
      />
    </Page>
  );
}

/** Approve or reject a request, as it stands (its version); a rejection asks why first. */
function Decision({ request, run }: { request: Request; run(action: Promise<unknown>): void }) {
  const [approve] = useMutation(ApproveLeaveDocument);
  const [reject] = useMutation(RejectLeaveDocument);
  const [reason, setReason] = useState('');
  const decided = { id: request.id, expectedVersion: request.version };
  return (
    <>
      <button type="button" onClick={() => run(approve({ variables: { input: decided } }))}>
        Approve
      </button>{' '}
      <ConfirmButton
        label="Reject"
        confirm={`Reject ${personName(request.employee)}'s request`}
        onConfirm={() =>
          run(reject({ variables: { input: { ...decided, reason: reason.trim() || null } } }))
        }
      >
        {/* The employee is told the reason with the decision. */}
        <TextField label="Reason (optional)" value={reason} onChange={setReason} maxLength={500} />
      </ConfirmButton>
    </>
  );
}
