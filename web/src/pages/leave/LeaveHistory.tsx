import { useMutation } from '@apollo/client/react';
import { CancelLeaveDocument, type MyLeaveQuery } from '../../gql/graphql';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ProblemList } from '../../ui/Field';
import { PagedTable } from '../../ui/PagedTable';
import type { CsvColumn } from '../../ui/csv';
import type { Column } from '../../ui/DataTable';
import { LEAVE_STATUS_LABELS } from '../../ui/enumLabels';
import { WithNote } from '../../ui/WithNote';
import type { PagedList } from '../../ui/usePagedQuery';
import { useRowActions } from '../../ui/useRowActions';
import { LEAVE_REQUEST_CELLS, LEAVE_REQUEST_COLUMNS } from './leaveRequestColumns';
import { formatDate } from '../../ui/dates';

type Requests = NonNullable<NonNullable<MyLeaveQuery['employee']>['leaveRequests']>;
type Request = Requests['nodes'][number];

const COLUMNS: CsvColumn<Request>[] = [
  ...LEAVE_REQUEST_COLUMNS,
  { heading: 'Status', value: (r) => r.status },
  { heading: 'Rejection reason', value: (r) => r.rejectionReason ?? '' },
];
/** On screen the kind and the status read in words; the export keeps the codes. */
const SHOWN: Column<Request>[] = [
  ...LEAVE_REQUEST_CELLS,
  {
    heading: 'Status',
    cell: (r) => (
      <WithNote note={r.rejectionReason && `Reason: ${r.rejectionReason}`}>
        {LEAVE_STATUS_LABELS[r.status]}
      </WithNote>
    ),
  },
];

const cancellable = (request: Request) =>
  request.status === 'PENDING' || request.status === 'APPROVED';

export interface LeaveHistoryProps {
  list: PagedList<Requests>;
  onChanged(): void;
}

/** One's leave requests, a page at a time; a pending or approved one can be cancelled. */
export function LeaveHistory({ list, onChanged }: LeaveHistoryProps) {
  const [cancel] = useMutation(CancelLeaveDocument);
  const actions = useRowActions(onChanged);
  return (
    <PagedTable
      label="Leave requests"
      {...list}
      csv={{ filename: 'leave.csv', columns: COLUMNS }}
      columns={SHOWN}
      above={<ProblemList problems={actions.problems} />}
      actions={(r) =>
        cancellable(r) && (
          <ConfirmButton
            label="Cancel"
            confirm={`Cancel the leave of ${formatDate(r.startDate)}`}
            cancel="Keep it"
            onConfirm={() =>
              actions.run(
                cancel({ variables: { input: { id: r.id, expectedVersion: r.version } } }),
              )
            }
          />
        )
      }
    />
  );
}
