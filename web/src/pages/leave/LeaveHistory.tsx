import { useMutation } from '@apollo/client/react';
import { CancelLeaveDocument, type MyLeaveQuery } from '../../gql/graphql';
import { ConnectionPager } from '../../ui/ConnectionPager';
import { CsvToolbar } from '../../ui/CsvToolbar';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ProblemList } from '../../ui/Field';
import type { CsvColumn } from '../../ui/csv';
import type { Pages } from '../../ui/usePages';
import { useRowActions } from '../../ui/useRowActions';
import { LEAVE_REQUEST_COLUMNS } from './leaveRequestColumns';

type Requests = NonNullable<NonNullable<MyLeaveQuery['employee']>['leaveRequests']>;
type Request = Requests['nodes'][number];

const COLUMNS: CsvColumn<Request>[] = [
  ...LEAVE_REQUEST_COLUMNS,
  { heading: 'Status', value: (r) => r.status },
];

const cancellable = (request: Request) =>
  request.status === 'PENDING' || request.status === 'APPROVED';

export interface LeaveHistoryProps {
  requests: Requests | null | undefined;
  pages: Pages;
  onChanged(): void;
}

/** One's leave requests, a page at a time; a pending or approved one can be cancelled. */
export function LeaveHistory({ requests, pages, onChanged }: LeaveHistoryProps) {
  const [cancel] = useMutation(CancelLeaveDocument);
  const actions = useRowActions(onChanged);
  const rows = requests?.nodes ?? [];
  return (
    <>
      <CsvToolbar filename="leave.csv" rows={rows} columns={COLUMNS} />
      <ProblemList problems={actions.problems} />
      <DataTable
        label="Leave requests"
        rows={rows}
        columns={columnsOf(COLUMNS)}
        actions={(r) =>
          cancellable(r) && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                actions.run(
                  cancel({ variables: { input: { id: r.id, expectedVersion: r.version } } }),
                )
              }
            >
              Cancel
            </button>
          )
        }
      />
      <ConnectionPager connection={requests} pages={pages} />
    </>
  );
}
