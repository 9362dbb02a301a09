import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { problemsOf, type Problem } from '../api/problemsOf';
import { useReconnected } from '../api/useReconnected';
import {
  ApproveLeaveDocument,
  LeaveRequestUpdatedDocument,
  PendingLeaveApprovalsDocument,
  RejectLeaveDocument,
} from '../gql/graphql';
import { CsvButton } from '../ui/CsvButton';
import { ProblemList } from '../ui/Field';
import { Pager } from '../ui/Pager';
import { usePages } from '../ui/usePages';

/** The approvals inbox: reports' pending requests, kept live by the leave subscription. */
export default function ApprovalsPage() {
  const pages = usePages();
  const { data, refetch } = useQuery(PendingLeaveApprovalsDocument, {
    variables: { first: 20, after: pages.after },
  });
  useSubscription(LeaveRequestUpdatedDocument, { onData: () => void refetch() });
  useReconnected(() => void refetch());
  const [approve] = useMutation(ApproveLeaveDocument);
  const [reject] = useMutation(RejectLeaveDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const list = data?.pendingLeaveApprovals;
  const run = (promise: Promise<unknown>) =>
    promise.then(
      () => void refetch(),
      (caught: unknown) => setProblems(problemsOf(caught, []).general),
    );
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">Approvals</h1>
      <div className="toolbar">
        <CsvButton
          filename="approvals.csv"
          rows={list?.nodes ?? []}
          columns={[
            { heading: 'Employee', value: (r) => personName(r.employee) },
            { heading: 'Type', value: (r) => r.leaveType },
            { heading: 'From', value: (r) => r.startDate },
            { heading: 'To', value: (r) => r.endDate },
            { heading: 'Days', value: (r) => r.days },
          ]}
        />
      </div>
      <ProblemList problems={problems} />
      <table aria-label="Pending leave requests">
        <thead>
          <tr>
            <th>Employee</th>
            <th>Type</th>
            <th>From</th>
            <th>To</th>
            <th>Days</th>
            <th>
              <span className="sr-only">Decision</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.nodes.map((r) => (
            <tr key={r.id}>
              <td>{personName(r.employee)}</td>
              <td>{r.leaveType}</td>
              <td>{r.startDate}</td>
              <td>{r.endDate}</td>
              <td>{r.days}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      approve({ variables: { input: { id: r.id, expectedVersion: r.version } } }),
                    )
                  }
                >
                  Approve
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(
                      reject({ variables: { input: { id: r.id, expectedVersion: r.version } } }),
                    )
                  }
                >
                  Reject
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && list.nodes.length === 0 && <p>Nothing is waiting for you.</p>}
      <Pager
        totalCount={list?.totalCount}
        hasNext={list?.pageInfo.hasNextPage ?? false}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(list?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </section>
  );
}

/** A name to show; '–' when the employees service could not say (the request still shows). */
function personName(person: { firstName: string; lastName: string } | null): string {
  return person ? `${person.firstName} ${person.lastName}` : '–';
}
